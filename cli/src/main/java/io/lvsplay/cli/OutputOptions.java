package io.lvsplay.cli;

import picocli.CommandLine.Option;

/** How a run reports: verbosity, JSON, per-task timing. */
final class OutputOptions {
    @Option(names = "-v", description = "More output (-v, -vv, -vvv).")
    boolean[] verbose = new boolean[0];

    @Option(names = "--json", description = "Print one JSON document with every result instead of the text output.")
    boolean json;

    @Option(names = "--profile", description = "After the recap, print how long each task took, slowest first.")
    boolean profile;

    @Option(names = "--stats", description = "After the recap, per host: round trips (commands written to the host), "
            + "connect time, facts time and total time waiting on the host (on stderr with --json).")
    boolean stats;

    int verbosity() {
        return verbose.length;
    }
}
