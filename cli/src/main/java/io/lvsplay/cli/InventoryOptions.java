package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import io.lvsplay.engine.config.Setting;
import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.inventory.InventoryLoader;
import io.lvsplay.engine.inventory.SshArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** -i/--inventory, shared by run and inventory; without it [defaults] inventory / $ANSIBLE_INVENTORY / /etc/ansible/hosts. */
final class InventoryOptions {
    @Option(names = {"-i", "--inventory", "--inventory-file"}, paramLabel = "INV",
            description = "Inventory file, directory, script, or host list 'h1,web[1:3],' (repeatable)."
                    + " Default: [defaults] inventory in ansible.cfg, $ANSIBLE_INVENTORY, or /etc/ansible/hosts.")
    List<String> inventories = new ArrayList<>();

    List<String> sources(AnsibleConfig config) {
        if (!inventories.isEmpty()) {
            return inventories;
        }
        // Ansible reads this option as a comma-separated list of paths, relative to ansible.cfg's folder
        List<String> configured = config.paths(Setting.INVENTORY, ",").stream().map(Path::toString).toList();
        if (!configured.isEmpty()) {
            return configured;
        }
        return Files.exists(Path.of("/etc/ansible/hosts")) ? List.of("/etc/ansible/hosts") : List.of();
    }

    /** Loads the sources; Ansible's warnings about them go to stderr. */
    Inventory load(AnsibleConfig config) {
        Inventory inventory = InventoryLoader.load(sources(config));
        inventory.warnings().forEach(w -> System.err.println("[WARNING]: " + w));
        SshArgs.checkInventory(inventory);
        return inventory;
    }
}
