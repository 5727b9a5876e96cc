package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Play;
import java.util.List;
import java.util.Map;

/**
 * Runs one play: host batches (serial), each with fact gathering, then pre_tasks / roles+tasks /
 * post_tasks with a handler flush after each section, as ansible-playbook does.
 */
final class PlayRunner {
    private final PlayContext.Run run;
    private final Play play;
    private final PlaySettings settings;

    PlayRunner(PlayContext.Run run, Play play, PlaySettings settings) {
        this.run = run;
        this.play = play;
        this.settings = settings;
    }

    /** Runs the play; false when every host failed (or any_errors_fatal fired), which ends the whole run. */
    boolean run(List<String> hosts) {
        if (hosts.isEmpty()) {
            run.listener().playStarted(play, hosts);
            run.listener().warning("no hosts matched the pattern '" + play.hosts() + "': skipping this play");
            return true;
        }
        PlayContext ctx = run.forPlay(play, settings, hosts);
        if (settings.free() && settings.maxFailPercentage() != null) {
            run.listener().warning("Using max_fail_percentage with the free strategy is not supported, as tasks are"
                    + " executed independently on each host");
        }
        TaskListRunner tasks = new TaskListRunner(ctx);
        for (List<String> batch : SerialBatches.of(settings.serial(), hosts)) {
            // like ansible-playbook, each serial batch gets its own PLAY banner
            run.listener().playStarted(play, batch);
            ctx.varsBuilder().startBatch(batch);
            List<HostState> batchStates = batch.stream().map(run.states()::get).toList();
            batchStates.forEach(h -> h.ended = false);
            if (settings.gatherFacts()) {
                new FactGathering(ctx).gather(batchStates);
            }
            Scope scope = Scope.of(play.options());
            for (var section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
                List<HostState> failedBefore = batchStates.stream().filter(h -> h.failed).toList();
                tasks.runSection(section, batchStates, scope);
                tasks.handlers().flush(batchStates, forcedHandlers(batchStates, failedBefore, tasks));
            }
            if (tasks.aborted()) {
                run.listener().noHostsLeft();
                return false;
            }
            if (tasks.playEnded()) {
                return true;
            }
            if (batchStates.stream().noneMatch(HostState::active) && !batchStates.stream().allMatch(h -> h.ended)) {
                run.listener().noHostsLeft();
                return false;
            }
        }
        return true;
    }

    /** force_handlers: a host that failed in this section still runs its handlers, unless the play was aborted. */
    private List<HostState> forcedHandlers(List<HostState> hosts, List<HostState> failedBefore, TaskListRunner tasks) {
        if (!settings.forceHandlers() || tasks.aborted()) {
            return List.of();
        }
        return hosts.stream().filter(h -> h.failed && !h.unreachable && !failedBefore.contains(h)).toList();
    }
}
