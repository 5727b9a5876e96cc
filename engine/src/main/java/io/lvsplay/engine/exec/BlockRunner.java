package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Block;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * block / rescue / always. A failure in the block runs rescue on the hosts that failed (and counts
 * as rescued, however the rescue ends); always runs on every host still reachable.
 */
final class BlockRunner {
    private final TaskListRunner tasks;

    BlockRunner(TaskListRunner tasks) {
        this.tasks = tasks;
    }

    void run(Block block, List<HostState> hosts, Scope outer, boolean serialHosts) {
        Scope scope = outer.enter(block.options());
        Set<HostState> failedBefore = new LinkedHashSet<>();
        hosts.stream().filter(h -> h.failed).forEach(failedBefore::add);
        tasks.run(block.block(), hosts, scope, serialHosts);
        List<HostState> failedInBlock = hosts.stream().filter(h -> h.failed && !failedBefore.contains(h)).toList();
        if (!failedInBlock.isEmpty() && !block.rescue().isEmpty() && !tasks.aborted()) {
            Map<String, Map<String, Object>> failedTask = new LinkedHashMap<>();
            for (HostState h : failedInBlock) {
                h.failed = false;
                h.stats.rescued();
                if (h.lastFailure != null) {
                    failedTask.put(h.name, h.lastFailure);
                }
            }
            tasks.run(block.rescue(), failedInBlock, scope.withHostVars(failedTask), serialHosts);
        }
        if (!block.always().isEmpty()) {
            List<HostState> always = hosts.stream().filter(h -> !h.unreachable && !h.ended).toList();
            Map<HostState, Boolean> failedState = new LinkedHashMap<>();
            always.forEach(h -> failedState.put(h, h.failed));
            always.forEach(h -> h.failed = false);
            tasks.run(block.always(), always, scope, serialHosts);
            failedState.forEach((h, wasFailed) -> h.failed = h.failed || wasFailed);
        }
    }
}
