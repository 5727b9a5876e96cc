package io.lvsplay.cli;

import io.lvsplay.engine.exec.HostStats;
import io.lvsplay.engine.exec.RunListener;
import io.lvsplay.engine.exec.TaskResult;
import io.lvsplay.engine.exec.TaskStatus;
import io.lvsplay.engine.playbook.Play;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live line under the output on a terminal: the current task's hosts done, running and failed,
 * and the time since the run started. It is erased before every line the output prints and drawn
 * again after, so the output itself reads exactly as without it; the recap ends it for good.
 */
final class ProgressLine implements RunListener {
    private static final String ERASE = "\r\033[2K";
    private final RunListener inner;
    private final PrintStream out;
    private final long startNanos;
    private final ScheduledExecutorService ticker;
    private final Set<String> gone = new HashSet<>();
    private String task;
    private int hosts;
    private int done;
    private int failed;
    private boolean shown;

    ProgressLine(RunListener inner, PrintStream out, long startNanos, boolean tick) {
        this.inner = inner;
        this.out = out;
        this.startNanos = startNanos;
        this.ticker = tick ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lvsplay-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (ticker != null) {
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** On when stdout is a terminal (and not dumb), never with --json or LVSPLAY_PROGRESS=0. */
    static boolean wanted(boolean json, boolean terminal, String term, String setting) {
        return !json && terminal && !"dumb".equals(term) && !"0".equals(setting);
    }

    @Override
    public synchronized void playStarted(Play play, List<String> playHosts) {
        erase();
        inner.playStarted(play, playHosts);
        hosts = playHosts.size();
        gone.clear();
        task = null;
    }

    @Override
    public synchronized void taskStarted(String title, boolean handler) {
        erase();
        inner.taskStarted(title, handler);
        task = title;
        done = 0;
        failed = 0;
        draw();
    }

    @Override
    public synchronized void hostResult(TaskResult result) {
        erase();
        inner.hostResult(result);
        boolean failure = (result.status() == TaskStatus.FAILED && !result.ignored())
                || result.status() == TaskStatus.UNREACHABLE;
        if (failure) {
            failed++;
            gone.add(result.host());
        } else {
            done++;
        }
        draw();
    }

    @Override
    public synchronized void warning(String message) {
        erase();
        inner.warning(message);
        draw();
    }

    @Override
    public synchronized void meta(String message) {
        erase();
        inner.meta(message);
        draw();
    }

    @Override
    public synchronized void retrying(TaskResult result, String task, int retriesLeft) {
        erase();
        inner.retrying(result, task, retriesLeft);
        draw();
    }

    @Override
    public synchronized void commands(String host, boolean check, List<String> commands) {
        erase();
        inner.commands(host, check, commands);
        draw();
    }

    @Override
    public void fileContent(byte[] content, boolean noLog) {
        // the output masks its digests: forwarded before the result that carries them
        inner.fileContent(content, noLog);
    }

    @Override
    public void factsSet(Map<String, Object> asWritten, Map<String, ?> facts, Map<String, Object> vars) {
        inner.factsSet(asWritten, facts, vars);
    }

    @Override
    public synchronized void noHostsLeft() {
        stop();
        inner.noHostsLeft();
    }

    @Override
    public synchronized void recap(Map<String, HostStats> stats) {
        stop();
        inner.recap(stats);
    }

    /** The line as drawn: "[task] 12 done, 39 running, 0 failed, 4.2 s". */
    synchronized String text() {
        // gone holds the hosts that failed before this task and those failing in it
        int running = Math.max(0, hosts - gone.size() - done);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format("[%s] %d done, %d running, %d failed, %.1f s", task, done, running, failed, seconds);
    }

    private synchronized void redraw() {
        if (shown) {
            draw();
        }
    }

    private void draw() {
        if (task == null) {
            return;
        }
        out.print(ERASE + text());
        out.flush();
        shown = true;
    }

    private void erase() {
        if (shown) {
            out.print(ERASE);
            out.flush();
            shown = false;
        }
    }

    private void stop() {
        erase();
        task = null;
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
