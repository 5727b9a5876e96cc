package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Block;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * block / rescue / always. A failure in the block runs rescue on the hosts that failed (and counts
 * as rescued, however the rescue ends); always runs on every host still reachable. Hosts know when a
 * failure would be caught by a rescue or always, and when they are inside one (any_errors_fatal and
 * max_fail_percentage look at both, like the states of Ansible's play iterator).
 */
final class BlockRunner {
    private final TaskListRunner tasks;

    BlockRunner(TaskListRunner tasks) {
        this.tasks = tasks;
    }

    void run(Block block, List<HostState> hosts, Scope outer, boolean serialHosts) {
        Scope entered = outer.enter(block.options());
        Scope scope = block.includedFrom() == null ? entered : entered.enterRoleIncludedFrom(block.includedFrom());
        Set<HostState> failedBefore = new LinkedHashSet<>();
        hosts.stream().filter(h -> h.failed).forEach(failedBefore::add);
        boolean catches = !block.rescue().isEmpty() || !block.always().isEmpty();
        within(hosts, catches, h -> h.caught++, h -> h.caught--,
                () -> tasks.run(block.block(), hosts, scope, serialHosts));
        // hosts an any_errors_fatal stopped (ended) do not rescue
        List<HostState> failedInBlock = hosts.stream()
                .filter(h -> h.failed && !h.ended && !failedBefore.contains(h)).toList();
        if (!failedInBlock.isEmpty() && !block.rescue().isEmpty()) {
            Map<String, Map<String, Object>> failedTask = new LinkedHashMap<>();
            for (HostState h : failedInBlock) {
                h.failed = false;
                h.stats.rescued();
                if (h.lastFailure != null) {
                    failedTask.put(h.name, h.lastFailure);
                }
            }
            boolean alwaysCatches = !block.always().isEmpty();
            within(failedInBlock, true, h -> {
                h.recovering++;
                h.caught += alwaysCatches ? 1 : 0;
            }, h -> {
                h.recovering--;
                h.caught -= alwaysCatches ? 1 : 0;
            }, () -> tasks.run(block.rescue(), failedInBlock, scope.withHostVars(failedTask), serialHosts));
        }
        if (!block.always().isEmpty()) {
            List<HostState> always = hosts.stream().filter(h -> !h.unreachable && !h.ended).toList();
            Map<HostState, Boolean> failedState = new LinkedHashMap<>();
            Map<HostState, Integer> cleared = new LinkedHashMap<>();
            always.forEach(h -> failedState.put(h, h.failed));
            always.forEach(h -> cleared.put(h, h.errorsCleared));
            always.forEach(h -> h.failed = false);
            within(always, true, h -> h.recovering++, h -> h.recovering--,
                    () -> tasks.run(block.always(), always, scope, serialHosts));
            // a clear_host_errors inside always forgets the failure that led there, as in Ansible
            failedState.forEach((h, wasFailed) -> h.failed = h.failed
                    || wasFailed && h.errorsCleared == cleared.get(h));
        }
    }

    private static void within(List<HostState> hosts, boolean mark, Consumer<HostState> enter,
                               Consumer<HostState> leave, Runnable body) {
        if (mark) {
            hosts.forEach(enter);
        }
        try {
            body.run();
        } finally {
            if (mark) {
                hosts.forEach(leave);
            }
        }
    }
}
