package io.lvsplay.engine.facts;

import io.lvsplay.engine.transport.Connection;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Gathers a host's facts in one round trip over its connection. */
public final class FactGatherer {

    public Map<String, Object> gather(Connection connection) {
        ExecResult result = connection.exec("/bin/sh -s", FactScript.TEXT.getBytes(StandardCharsets.UTF_8));
        return FactParser.parse(result.stdout());
    }
}
