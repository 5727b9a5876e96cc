package io.lvsplay.agent;

import java.time.Instant;

/** One line per event on stderr, ISO-8601 UTC timestamp first, so journald and container logs stay greppable. */
public final class Log {
    private Log() {
    }

    public static void info(String message) {
        line("INFO", message);
    }

    public static void warn(String message) {
        line("WARN", message);
    }

    public static void error(String message) {
        line("ERROR", message);
    }

    private static void line(String level, String message) {
        String text = Instant.now() + " " + level + " " + message.replace('\n', ' ');
        synchronized (System.err) {
            System.err.println(text);
        }
    }
}
