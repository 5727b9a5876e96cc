package io.lvsplay.engine.transport;

import io.lvsplay.engine.remote.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Read-only commands sent as one script, so that they cost one round trip, with each command's
 * exit code, stdout and stderr kept apart. Each runs as the transport runs a single command
 * ({@code /bin/sh -c 'COMMAND' </dev/null}); after it a line with a fresh random marker, its index
 * and its exit code closes its stdout, and one with the marker and index its stderr.
 */
public final class CommandBatch {
    private CommandBatch() {
    }

    /**
     * The results of {@code commands}, in order; empty when the batch's output is not what the
     * script prints (sudo refused, the shell died): the caller then runs them one by one.
     */
    public static Optional<List<ExecResult>> run(Connection connection, Sudo sudo, List<String> commands)
            throws TransportException {
        String mark = "LVSPLAY-BATCH-" + Sudo.randomKey();
        String script = script(commands, mark);
        ExecResult r = sudo == null ? connection.exec(script, new byte[0], ExecOptions.DEFAULT)
                : connection.execAs(sudo, script, new byte[0], ExecOptions.DEFAULT);
        return split(r, mark, commands.size());
    }

    static String script(List<String> commands, String mark) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            s.append("/bin/sh -c ").append(ShellQuote.quote(commands.get(i))).append(" </dev/null; ")
                    .append("printf '\\n%s %s %s\\n' ").append(mark).append(' ').append(i).append(" \"$?\"; ")
                    .append("printf '\\n%s %s\\n' ").append(mark).append(' ').append(i).append(" >&2\n");
        }
        return s.toString();
    }

    static Optional<List<ExecResult>> split(ExecResult r, String mark, int count) {
        if (!r.ok()) {
            return Optional.empty();
        }
        byte[] out = r.stdoutBytes();
        byte[] err = r.stderrBytes();
        int outAt = 0;
        int errAt = 0;
        List<ExecResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] outEnd = ("\n" + mark + " " + i + " ").getBytes(StandardCharsets.US_ASCII);
            int o = StreamExchanges.indexOf(out, outEnd, outAt);
            int codeEnd = o < 0 ? -1 : StreamExchanges.indexOf(out, new byte[] {'\n'}, o + outEnd.length);
            byte[] errEnd = ("\n" + mark + " " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            int e = StreamExchanges.indexOf(err, errEnd, errAt);
            if (codeEnd < 0 || e < 0) {
                return Optional.empty();
            }
            int code;
            try {
                code = Integer.parseInt(new String(out, o + outEnd.length, codeEnd - o - outEnd.length, StandardCharsets.US_ASCII));
            } catch (NumberFormatException ex) {
                return Optional.empty();
            }
            results.add(new ExecResult(code, Arrays.copyOfRange(out, outAt, o), Arrays.copyOfRange(err, errAt, e)));
            outAt = codeEnd + 1;
            errAt = e + errEnd.length;
        }
        return Optional.of(results);
    }
}
