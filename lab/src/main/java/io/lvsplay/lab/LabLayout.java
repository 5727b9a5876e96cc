package io.lvsplay.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every lab backend has in common: its spec and plan, and the files that let a user or a test
 * reach its hosts ({@code inventory.ini}, {@code known_hosts}) in {@code <stateDir>/<name>/}.
 */
public abstract class LabLayout {

    public static final String INVENTORY_FILE = "inventory.ini";
    public static final String KNOWN_HOSTS_FILE = "known_hosts";

    private final LabSpec spec;
    private final LabPlan plan;

    protected LabLayout(LabSpec spec, LabPlan plan) {
        this.spec = spec;
        this.plan = plan;
    }

    public String name() {
        return plan.name();
    }

    public LabSpec spec() {
        return spec;
    }

    public LabPlan plan() {
        return plan;
    }

    public String vip() {
        return plan.vip();
    }

    public Path dir() {
        return spec.labDir().toAbsolutePath().normalize();
    }

    public Path inventoryFile() {
        return dir().resolve(INVENTORY_FILE);
    }

    public Path knownHostsFile() {
        return dir().resolve(KNOWN_HOSTS_FILE);
    }

    public abstract Path privateKey();

    /** Writes known_hosts: one line per address, {@code ADDRESS KEYTYPE KEY}. */
    protected void saveKnownHosts(String lines) {
        try {
            Files.writeString(knownHostsFile(), lines);
        } catch (IOException e) {
            throw new LabException("cannot write " + knownHostsFile() + ": " + e.getMessage(), e);
        }
    }
}
