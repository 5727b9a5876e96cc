package io.lvsplay.engine.output;

import io.lvsplay.engine.exec.HostStats;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.exec.TaskResult;
import io.lvsplay.engine.playbook.Play;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * --profile: wall time of every task (like Ansible's profile_tasks callback), printed after the
 * recap, slowest first, plus the time before the first play (start-up, loading, validation).
 */
public final class TaskTimer implements RunListener {
    private final RunListener inner;
    private final PrintStream out;
    private final long startNanos;
    private final List<Object[]> timings = new ArrayList<>();
    private String current;
    private long currentStart;
    private long firstPlay;

    public TaskTimer(RunListener inner, PrintStream out, long startNanos) {
        this.inner = inner;
        this.out = out;
        this.startNanos = startNanos;
    }

    private synchronized void closeCurrent() {
        if (current != null) {
            timings.add(new Object[] {current, System.nanoTime() - currentStart});
            current = null;
        }
    }

    @Override
    public void playStarted(Play play, List<String> hosts) {
        closeCurrent();
        if (firstPlay == 0) {
            firstPlay = System.nanoTime();
        }
        inner.playStarted(play, hosts);
    }

    @Override
    public void taskStarted(String title, boolean handler) {
        closeCurrent();
        synchronized (this) {
            current = (handler ? "handler: " : "") + title;
            currentStart = System.nanoTime();
        }
        inner.taskStarted(title, handler);
    }

    @Override
    public void hostResult(TaskResult result) {
        inner.hostResult(result);
    }

    @Override
    public void warning(String message) {
        inner.warning(message);
    }

    @Override
    public void meta(String message) {
        inner.meta(message);
    }

    @Override
    public void retrying(TaskResult result, String task, int retriesLeft) {
        inner.retrying(result, task, retriesLeft);
    }

    @Override
    public void commands(String host, boolean check, List<String> commands) {
        inner.commands(host, check, commands);
    }

    @Override
    public void fileContent(byte[] content, boolean noLog) {
        inner.fileContent(content, noLog);
    }

    @Override
    public void factsSet(Map<String, Object> asWritten, Map<String, ?> facts, Map<String, Object> vars) {
        inner.factsSet(asWritten, facts, vars);
    }

    @Override
    public void noHostsLeft() {
        inner.noHostsLeft();
    }

    @Override
    public void recap(Map<String, HostStats> stats) {
        closeCurrent();
        inner.recap(stats);
        long total = System.nanoTime() - startNanos;
        out.println("TASK TIMES (slowest first) " + "*".repeat(52));
        out.printf("%-60s %8.3fs%n", "start-up, loading and validation", (firstPlay - startNanos) / 1e9);
        timings.stream().sorted(Comparator.comparingLong((Object[] t) -> (Long) t[1]).reversed())
                .forEach(t -> out.printf("%-60s %8.3fs%n", truncate((String) t[0]), (Long) t[1] / 1e9));
        out.printf("%-60s %8.3fs%n", "total", total / 1e9);
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
