package io.lvsplay.engine.facts;

import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Gathers a host's facts in one round trip over its connection. */
public final class FactGatherer {

    public Map<String, Object> gather(Connection connection) {
        return gather(connection, Map.of());
    }

    /** With {@code environment} exported first, as Ansible runs its setup module with the play's environment. */
    public Map<String, Object> gather(Connection connection, Map<String, String> environment) {
        StringBuilder script = new StringBuilder();
        environment.forEach((name, value) -> script.append("export ").append(name).append('=')
                .append(ShellQuote.quote(value)).append('\n'));
        script.append(FactScript.TEXT);
        ExecResult result = connection.exec("/bin/sh -s", script.toString().getBytes(StandardCharsets.UTF_8));
        return FactParser.parse(result.stdout());
    }

    /** The same facts through a module's host: the explicit setup task (as the task's user, with its environment). */
    public Map<String, Object> gather(RemoteHost host) {
        return FactParser.parse(host.run("/bin/sh -s", FactScript.TEXT.getBytes(StandardCharsets.UTF_8)).stdout());
    }
}
