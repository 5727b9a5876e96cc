package io.lvsplay.modules.packages;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;

/** A .deb file on the host: its package name and version, read by dpkg-deb. */
record Debfile(String path, String name, String version) {

    static Debfile read(RemoteHost host, String path) {
        ExecResult r = host.run("dpkg-deb -W --showformat='${Package}\\n${Version}\\n' -- " + ShellQuote.quote(path));
        String[] lines = r.stdout().split("\n");
        if (!r.ok() || lines.length < 2) {
            throw new ModuleFailure("Unable to install package: " + path + " is not a readable .deb on "
                    + host.hostName() + ": " + r.stderr().strip());
        }
        return new Debfile(path, lines[0].strip(), lines[1].strip());
    }
}
