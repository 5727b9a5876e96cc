package io.lvsplay.cli;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.inventory.InventoryError;
import io.lvsplay.engine.inventory.InventoryLoader;
import io.lvsplay.engine.output.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** lvsplay inventory: ansible-inventory's --list / --host / --graph. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Shows the resolved inventory: hosts, groups and variables (like ansible-inventory).")
final class InventoryCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "INV",
            description = "Inventory file, directory or comma list (repeatable).")
    List<String> inventories = new ArrayList<>();

    @Option(names = "--list", description = "All hosts, groups and host variables as JSON.")
    boolean list;

    @Option(names = "--host", paramLabel = "HOST", description = "The variables of one host as JSON.")
    String host;

    @Option(names = "--graph", description = "The group tree.")
    boolean graph;

    @Override
    public Integer call() {
        Inventory inventory;
        try {
            inventory = InventoryLoader.load(inventories);
        } catch (InventoryError e) {
            System.err.println("ERROR! " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (host != null) {
            if (inventory.host(host) == null) {
                System.err.println("ERROR! host '" + host + "' is not in the inventory");
                return ExitCodes.BAD_INPUT;
            }
            System.out.println(JsonText.pretty(new java.util.TreeMap<>(inventory.varsOf(host))));
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
        System.out.println(inventory.toJsonText());
        return ExitCodes.OK;
    }
}
