package io.lvsplay.engine.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * async tasks of a run. Each job runs its module on a connection of its own, on a thread of its own,
 * so the play goes on while it runs (poll: 0) or the task waits for it, polling (poll > 0). A job has
 * `async` seconds: after that it counts as not completed. Unlike Ansible's async_wrapper the job lives
 * on the controller: it ends with the lvsplay run (a job still running then is named, its connection closed).
 */
final class AsyncJobs {
    private static final AtomicLong NEXT = new AtomicLong();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    record Job(String host, String id, long deadlineMillis, CompletableFuture<TaskResult> result, Runnable stop) {
        boolean expired() {
            return System.currentTimeMillis() > deadlineMillis;
        }
    }

    /** Starts {@code body} in the background; {@code stop} closes what it runs on when its time is up. */
    Job start(String host, int seconds, Supplier<TaskResult> body, Runnable stop) {
        String id = "j" + ProcessHandle.current().pid() + "." + NEXT.incrementAndGet();
        CompletableFuture<TaskResult> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(body.get());
            } catch (RuntimeException e) {
                future.complete(TaskResult.failure(host, "internal error: " + e));
            } finally {
                stop.run();
            }
        }, "lvsplay-async-" + id);
        thread.setDaemon(true);
        Job job = new Job(host, id, System.currentTimeMillis() + seconds * 1000L, future, stop);
        jobs.put(id, job);
        thread.start();
        return job;
    }

    Optional<Job> find(String host, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.host().equals(host));
    }

    /** Waits up to {@code seconds} for the job; empty when it is still running. */
    static Optional<TaskResult> await(Job job, double seconds) {
        try {
            return Optional.of(job.result().get((long) (seconds * 1000), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** async_status's answer: the job's result once finished, else started/finished flags; null when unknown. */
    Map<String, Object> status(String host, String id) {
        Job job = find(host, id).orElse(null);
        if (job == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        TaskResult done = job.result().getNow(null);
        if (done == null && job.expired()) {
            job.stop().run();
            done = job.result().getNow(null);
        }
        if (done != null) {
            out.putAll(done.registered());
            out.put("finished", 1);
        } else {
            out.put("finished", 0);
        }
        out.put("ansible_job_id", id);
        out.put("started", 1);
        return out;
    }

    /** Jobs still running when the run ends: stopped, and named so nobody thinks they went on. */
    void stopAll(RunListener listener) {
        jobs.values().stream().filter(j -> !j.result().isDone()).forEach(j -> {
            listener.warning("async job " + j.id() + " on " + j.host() + " was still running when the run ended;"
                    + " lvsplay runs async jobs from the controller, so its connection was closed");
            j.stop().run();
        });
    }
}
