package io.lvsplay.engine.module;

import io.lvsplay.engine.transport.ExecResult;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Turns what a step did into result fields, or fails the task (throwing {@link ModuleFailure}
 * stops the change's later steps). A file write gives an ExecResult with exit code 0.
 */
@FunctionalInterface
public interface ResultReader {

    Map<String, Object> read(ExecResult result, String hostName);

    /** What the executor calls: a reader made with {@link #timed} also sees when the step ran. */
    default Map<String, Object> read(ExecResult result, String hostName, LocalDateTime start, LocalDateTime end) {
        return read(result, hostName);
    }

    /** A reader that reports the step's start and end (command's "start", "end", "delta"). */
    @FunctionalInterface
    interface Timed {
        Map<String, Object> read(ExecResult result, String hostName, LocalDateTime start, LocalDateTime end);
    }

    static ResultReader timed(Timed reader) {
        return new ResultReader() {
            @Override
            public Map<String, Object> read(ExecResult result, String hostName) {
                LocalDateTime now = LocalDateTime.now();
                return reader.read(result, hostName, now, now);
            }

            @Override
            public Map<String, Object> read(ExecResult result, String hostName, LocalDateTime start, LocalDateTime end) {
                return reader.read(result, hostName, start, end);
            }
        };
    }

    /** Ignores the outcome, whatever the exit code. */
    ResultReader IGNORE = (r, host) -> Map.of();

    /** Fails with "{@code message}: stderr" (or stdout when stderr is empty) unless the exit code is 0. */
    static ResultReader failUnlessOk(String message) {
        return (r, host) -> {
            if (!r.ok()) {
                String err = r.stderr().strip();
                throw new ModuleFailure(message + ": " + (err.isEmpty() ? r.stdout().strip() : err));
            }
            return Map.of();
        };
    }
}
