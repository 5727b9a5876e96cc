package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.PlaybookError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one action per host on the fork pool, and records the results in inventory order. */
final class HostFanout {
    private final ExecutorService forks;
    private final RunListener listener;

    HostFanout(ExecutorService forks, RunListener listener) {
        this.forks = forks;
        this.listener = listener;
    }

    /** At most {@code throttle} hosts at once (0: as many as the fork pool allows). */
    void forEachHost(List<HostState> hosts, int throttle, Function<HostState, TaskResult> action) {
        int window = throttle > 0 ? throttle : hosts.size();
        for (int start = 0; start < hosts.size(); start += window) {
            List<HostState> slice = hosts.subList(start, Math.min(hosts.size(), start + window));
            List<Future<TaskResult>> futures = new ArrayList<>();
            for (HostState host : slice) {
                futures.add(forks.submit(() -> action.apply(host)));
            }
            for (int i = 0; i < slice.size(); i++) {
                try {
                    record(futures.get(i).get(), slice.get(i));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PlaybookError pe) {
                        throw pe;
                    }
                    record(TaskResult.failure(slice.get(i).name, "internal error: " + e.getCause()), slice.get(i));
                }
            }
        }
    }

    /** Runs whole task lists, one per host, in parallel (strategy: free). */
    void forEachHostFree(List<HostState> hosts, java.util.function.Consumer<HostState> body) {
        List<Future<?>> futures = new ArrayList<>();
        for (HostState host : hosts) {
            futures.add(forks.submit(() -> body.accept(host)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    void record(TaskResult result, HostState host) {
        host.stats.count(result);
        if (result.status() == TaskStatus.UNREACHABLE && !result.ignored()) {
            host.unreachable = true;
        } else if (result.status() == TaskStatus.FAILED && !result.ignored()) {
            host.failed = true;
        }
        listener.hostResult(result);
    }
}
