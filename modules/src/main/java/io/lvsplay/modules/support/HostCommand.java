package io.lvsplay.modules.support;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import java.util.Map;

/**
 * A command a plan runs to close a gap, and the result fields Ansible's modules return for it
 * (rc, stdout, stderr and their _lines). A non-zero exit fails the task with those fields kept.
 */
public final class HostCommand {
    private HostCommand() {
    }

    /** The change that runs {@code command}; {@code what} names it in the failure message. */
    public static Change change(String what, Diff diff, String command) {
        return Change.named(what, diff).then(RemoteCommand.of(command), fields(what));
    }

    /** Reads rc, stdout, stderr and their _lines; a non-zero exit fails naming {@code what} and the host. */
    public static ResultReader fields(String what) {
        return (r, host) -> fields(r, host, what);
    }

    public static Map<String, Object> run(RemoteHost host, String command, String what) {
        return fields(host.run(command), host.hostName(), what);
    }

    private static Map<String, Object> fields(ExecResult r, String hostName, String what) {
        String out = strip(r.stdout());
        String err = strip(r.stderr());
        Map<String, Object> result = Results.of("rc", r.exitCode(), "stdout", out, "stderr", err,
                "stdout_lines", Results.lines(out), "stderr_lines", Results.lines(err));
        if (!r.ok()) {
            throw new ModuleFailure("failed to " + what + " on " + hostName + ": "
                    + (err.isEmpty() ? out : err), result);
        }
        return result;
    }

    /** Runs a read-only query for planning; a failure names the query and the host. */
    public static String query(RemoteHost host, String command, String what) {
        ExecResult r = host.run(command);
        if (!r.ok()) {
            throw new ModuleFailure("cannot " + what + " on " + host.hostName() + ": "
                    + (r.stderr().strip().isEmpty() ? r.stdout().strip() : r.stderr().strip()));
        }
        return r.stdout();
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
