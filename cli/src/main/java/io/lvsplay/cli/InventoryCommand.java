package io.lvsplay.cli;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.output.JsonText;
import io.lvsplay.engine.output.SecretRedactor;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** lvsplay inventory: ansible-inventory's --list / --host / --graph. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Shows the resolved inventory: hosts, groups and variables (like ansible-inventory).")
final class InventoryCommand extends BaseCommand {

    @Mixin
    InventoryOptions inventoryOptions;

    @Mixin
    VaultOptions vault;

    @Option(names = "--list", description = "All hosts, groups and host variables as JSON.")
    boolean list;

    @Option(names = "--host", paramLabel = "HOST", description = "The variables of one host as JSON.")
    String host;

    @Option(names = "--graph", description = "The group tree.")
    boolean graph;

    /** Only vaulted values are hidden: ansible-inventory shows the rest, passwords too. */
    private final SecretRedactor redactor = new SecretRedactor();

    @Override
    int doCall() {
        vault.install(config()).subscribe(redactor::addSecretText);
        if (inventoryOptions.sources(config()).isEmpty()) {
            throw new ExitException(ExitCodes.BAD_INPUT, "no inventory given",
                    "Give one with -i FILE, [defaults] inventory in ansible.cfg, or $ANSIBLE_INVENTORY.");
        }
        Inventory inventory = inventoryOptions.load(config());
        if (host != null) {
            if (inventory.host(host) == null) {
                throw new ExitException(ExitCodes.BAD_INPUT, "host '" + host + "' is not in the inventory");
            }
            System.out.println(redactor.redact(JsonText.pretty(new TreeMap<>(inventory.varsOf(host)))));
            return ExitCodes.OK;
        }
        if (graph) {
            System.out.println("@all:");
            inventory.groups().forEach((group, hosts) -> {
                if (!group.equals("all")) {
                    System.out.println("  |--@" + group + ":");
                    hosts.forEach(h -> System.out.println("  |  |--" + h));
                }
            });
            return ExitCodes.OK;
        }
        System.out.println(redactor.redact(inventory.toJsonText()));
        return ExitCodes.OK;
    }
}
