package io.lvsplay.engine.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * async / poll of one task on one host: poll 0 starts the job and returns its ansible_job_id at once
 * (async_status reads it back later); poll N waits for it, looking every N seconds, and fails it when
 * it outlives its async seconds, with Ansible's message.
 */
final class AsyncRuns {
    private final PlayContext ctx;

    AsyncRuns(PlayContext ctx) {
        this.ctx = ctx;
    }

    AsyncJobs jobs() {
        return ctx.jobs();
    }

    TaskResult run(TaskInvocation.Call call, int seconds, int poll, Supplier<TaskResult> body, Runnable stop) {
        AsyncJobs.Job job = ctx.jobs().start(call.host().name, seconds, body, stop);
        if (poll <= 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ansible_job_id", job.id());
            data.put("finished", 0);
            data.put("started", 1);
            return new TaskResult(call.host().name, TaskStatus.CHANGED, true, false, call.delegate(), call.label(), data,
                    java.util.List.of(), java.util.List.of(), false, false);
        }
        while (true) {
            long left = job.deadlineMillis() - System.currentTimeMillis();
            Optional<TaskResult> done = AsyncJobs.await(job, Math.max(0, Math.min(poll * 1000L, left)) / 1000.0);
            if (done.isPresent()) {
                Map<String, Object> data = new LinkedHashMap<>(done.get().data());
                data.put("ansible_job_id", job.id());
                data.put("finished", 1);
                data.put("started", 1);
                return done.get().withData(data);
            }
            if (job.expired()) {
                stop.run();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("async_result", Map.of("ansible_job_id", job.id(), "finished", 0, "started", 1));
                data.put("msg", "async task did not complete within the requested time - " + seconds + "s");
                return TaskResult.of(call.host().name, TaskStatus.FAILED, data);
            }
        }
    }
}
