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

    PlayRunner(PlayContext.Run run, Play play) {
        this.run = run;
        this.play = play;
    }

    /** Runs the play; false when every host failed (or any_errors_fatal fired), which ends the whole run. */
    boolean run(List<String> hosts) {
        if (hosts.isEmpty()) {
            run.listener().playStarted(play, hosts);
            run.listener().warning("no hosts matched the pattern '" + play.hosts() + "': skipping this play");
            return true;
        }
        PlayContext ctx = run.forPlay(play, hosts);
        TaskListRunner tasks = new TaskListRunner(ctx);
        Map<String, Object> playVars = new java.util.LinkedHashMap<>(play.vars());
        playVars.putAll(ctx.options().extraVars());
        playVars.put("omit", VarsBuilder.OMIT);
        List<Object> serial = SerialBatches.templated(play.serial(), ctx.templar(), playVars, play.title() + " (serial)");
        for (List<String> batch : SerialBatches.of(serial, hosts)) {
            // like ansible-playbook, each serial batch gets its own PLAY banner
            run.listener().playStarted(play, batch);
            List<HostState> batchStates = batch.stream().map(run.states()::get).toList();
            batchStates.forEach(h -> h.ended = false);
            if (play.gatherFacts()) {
                new FactGathering(ctx).gather(batchStates);
            }
            Scope scope = Scope.of(play.options());
            for (var section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
                tasks.runSection(section, batchStates, scope);
                tasks.handlers().flush(batchStates, scope);
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
}
