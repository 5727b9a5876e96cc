package io.lvsplay.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"lvsplay " + (v == null ? "0.1.0-dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
    }
}
