package io.lvsplay.it;

import io.lvsplay.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the lvsplay command line in this JVM, capturing what it prints, as a user would see it.
 * Tests using it must not run in parallel (they swap System.out/err).
 */
public final class LvsplayRun {

    /** Exit code and everything printed (stdout then stderr). */
    public record Result(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }

        /** The "changed=N" count of a host in the PLAY RECAP, or -1 if the host is not in it. */
        public int changed(String host) {
            return recapValue(host, "changed");
        }

        public int recapValue(String host, String key) {
            for (String line : stdout.split("\n")) {
                if (line.startsWith(host + " ") && line.contains(" : ok=")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile(key + "=(\\d+)").matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
            return -1;
        }

        /** Sum of changed= over every host of the recap. */
        public int totalChanged() {
            int total = 0;
            for (String line : stdout.split("\n")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(" : ok=\\d+\\s+changed=(\\d+)").matcher(line);
                if (m.find()) {
                    total += Integer.parseInt(m.group(1));
                }
            }
            return total;
        }
    }

    private LvsplayRun() {
    }

    public static synchronized Result run(String... args) {
        return capture(() -> Main.execute(args));
    }

    /** Runs a command line given as a call returning its exit code, capturing what it prints. */
    public static synchronized Result capture(java.util.function.IntSupplier commandLine) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = commandLine.getAsInt();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
