package io.lvsplay.modules.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small Python 3 program run on the host (the interpreter every Ansible-managed host has), with its
 * arguments as one JSON line and the program itself both on stdin: nothing, not even a password,
 * appears on a command line. The program prints one JSON object, which is its answer.
 */
public final class HostPython {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAUNCHER = "python3 -c 'import sys,json;a=json.loads(sys.stdin.readline());"
            + "exec(compile(sys.stdin.read(),\"lvsplay\",\"exec\"))'";

    private HostPython() {
    }

    /** The command running {@code program} with {@code args} (the program sees them as {@code a}). */
    public static RemoteCommand command(String program, Map<String, Object> args) {
        try {
            byte[] stdin = (JSON.writeValueAsString(args) + "\n" + program).getBytes(StandardCharsets.UTF_8);
            return RemoteCommand.of(LAUNCHER, stdin);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Runs it now (planning: the program must only read). */
    public static Map<String, Object> query(RemoteHost host, String program, Map<String, Object> args) {
        RemoteCommand c = command(program, args);
        return answer(host.run(c.script(), c.stdin()), host.hostName());
    }

    /** The program's JSON answer; a missing python3 or a crash fails naming the host. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> answer(ExecResult r, String hostName) {
        String out = r.stdout().strip();
        if (r.exitCode() == 127) {
            throw new ModuleFailure("python3 is needed on " + hostName + " for this module and was not found");
        }
        if (!r.ok() || !out.startsWith("{")) {
            throw new ModuleFailure("the helper program failed on " + hostName + " (rc " + r.exitCode() + "): "
                    + (r.stderr().strip().isEmpty() ? out : r.stderr().strip()));
        }
        try {
            return new LinkedHashMap<>(JSON.readValue(out, Map.class));
        } catch (JsonProcessingException e) {
            throw new ModuleFailure("the helper program on " + hostName + " printed no JSON answer: " + out);
        }
    }
}
