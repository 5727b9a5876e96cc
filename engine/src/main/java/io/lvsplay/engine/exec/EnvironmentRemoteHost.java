package io.lvsplay.engine.exec;

import io.lvsplay.engine.remote.FileSnapshot;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A task's `environment:` on the host: every command the module runs starts with the variables
 * exported, inside any become wrapper (so sudo does not drop them), as Ansible sets them for the module.
 */
final class EnvironmentRemoteHost implements RemoteHost {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final RemoteHost host;
    private final String prefix;

    private EnvironmentRemoteHost(RemoteHost host, String prefix) {
        this.host = host;
        this.prefix = prefix;
    }

    static RemoteHost of(RemoteHost host, Map<String, String> environment) {
        if (environment.isEmpty()) {
            return host;
        }
        StringBuilder prefix = new StringBuilder();
        environment.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new io.lvsplay.engine.module.ModuleFailure("environment: '" + name + "' is not a valid variable name");
            }
            prefix.append("export ").append(name).append('=').append(ShellQuote.quote(value)).append("; ");
        });
        return new EnvironmentRemoteHost(host, prefix.toString());
    }

    @Override
    public String hostName() {
        return host.hostName();
    }

    @Override
    public ExecResult run(String command) {
        return host.run(prefix + command);
    }

    @Override
    public ExecResult run(String command, byte[] stdin) {
        return host.run(prefix + command, stdin);
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        return host.readFile(path);
    }

    @Override
    public FileStat stat(String path) {
        return host.stat(path);
    }

    @Override
    public FileSnapshot snapshot(String path) {
        return host.snapshot(path);
    }

    @Override
    public void writeFile(String path, byte[] content, String mode, String owner, String group) {
        host.writeFile(path, content, mode, owner, group);
    }
}
