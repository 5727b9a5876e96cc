package io.lvsplay.it;

import io.lvsplay.lab.SshKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How lvsplay and ansible-playbook reach {@link LabHostContainer}s: one key pair, a known_hosts with
 * each host's key (strict host key checking, as the lab's own inventory has), and an INI inventory in
 * the form {@code lvsplay lab up} writes (io.lvsplay.lab.InventoryWriter), without the LVS variables.
 */
public final class LabInventory {
    private final Path dir;
    private final SshKeyPair key;

    private LabInventory(Path dir, SshKeyPair key) {
        this.dir = dir;
        this.key = key;
    }

    /** A new key pair in {@code dir}; the inventory and known_hosts go there too. */
    public static LabInventory in(Path dir) {
        return new LabInventory(dir, SshKeyPair.ensure(dir, "lvsplay-it-" + dir.getFileName()));
    }

    /** The line for the hosts' authorized_keys ({@link LabHostContainer#withAuthorizedKey}). */
    public String publicKey() {
        return key.publicKeyLine();
    }

    /** Writes known_hosts and {@code inventory.ini} with the given groups (in order) and returns the inventory. */
    public Path write(Map<String, List<LabHostContainer>> groups) {
        StringBuilder knownHosts = new StringBuilder();
        StringBuilder ini = new StringBuilder();
        groups.forEach((group, hosts) -> {
            ini.append('[').append(group).append("]\n");
            for (LabHostContainer host : hosts) {
                ini.append(host.hostName()).append(" ansible_host=").append(host.ipAddress()).append('\n');
                knownHosts.append(host.ipAddress()).append(' ').append(host.hostKey()).append('\n');
            }
            ini.append('\n');
        });
        Path knownHostsFile = dir.resolve("known_hosts").toAbsolutePath().normalize();
        ini.append("[all:vars]\n")
                .append("ansible_user=root\n")
                .append("ansible_ssh_private_key_file=").append(key.privateKey().toAbsolutePath().normalize()).append('\n')
                .append("ansible_ssh_common_args='-o UserKnownHostsFile=").append(knownHostsFile)
                .append(" -o StrictHostKeyChecking=yes'\n")
                .append("ansible_python_interpreter=/usr/bin/python3\n");
        try {
            Files.writeString(knownHostsFile, knownHosts.toString());
            Path inventory = dir.resolve("inventory.ini").toAbsolutePath().normalize();
            Files.writeString(inventory, ini.toString());
            return inventory;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
