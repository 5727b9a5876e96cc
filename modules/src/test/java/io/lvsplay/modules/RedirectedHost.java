package io.lvsplay.modules;

import io.lvsplay.engine.remote.Become;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.engine.transport.LocalConnection;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This machine, with /etc/ and /run/ in commands pointing into a temp directory, and, when
 * {@code bin} is given, the programs there found first.
 */
record RedirectedHost(Path root, Path bin) implements RemoteHost {
    private static final ShellRemoteHost REAL = new ShellRemoteHost(new LocalConnection("local"), Become.NONE);

    RedirectedHost(Path root) {
        this(root, null);
    }

    private String redirect(String command) {
        String redirected = command.replace("/etc/", root + "/etc/").replace("/run/", root + "/run/");
        return bin == null ? redirected : "PATH=" + bin + ":$PATH\n" + redirected;
    }

    @Override
    public String hostName() {
        return "local";
    }

    @Override
    public ExecResult run(String command) {
        return REAL.run(redirect(command));
    }

    @Override
    public ExecResult run(String command, byte[] stdin) {
        return REAL.run(redirect(command), stdin);
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        return REAL.readFile(redirect(path));
    }

    @Override
    public FileStat stat(String path) {
        return REAL.stat(redirect(path));
    }

    @Override
    public void writeFile(String path, byte[] content, String mode, String owner, String group) {
        REAL.writeFile(redirect(path), content, mode, owner, group);
    }
}
