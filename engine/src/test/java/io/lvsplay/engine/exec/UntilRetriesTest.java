package io.lvsplay.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvsplay.engine.playbook.LoopControl;
import io.lvsplay.engine.playbook.SourceLocation;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskOptions;
import io.lvsplay.engine.template.Templar;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** until / retries as ansible-playbook 2.14 runs them (TaskExecutor._execute, TaskResult.is_failed). */
class UntilRetriesTest {
    private final ResultPolicy policy = new ResultPolicy(new Templar());

    private static Task shell(List<String> failedWhen) {
        TaskOptions o = new TaskOptions("t", List.of(), List.of(), Map.of(), null, null, null, false, null, null,
                null, null, null, List.of(), null, null, null, Map.of());
        return new Task(o, "shell", "shell", Map.of(), null, "item", null, null, "r", List.of(), failedWhen, List.of(),
                List.of(), List.of("1 == 0"), 2, 0, 0, 15, 0, SourceLocation.UNKNOWN, null, LoopControl.NONE);
    }

    private TaskResult run(Task task, AtomicInteger runs) {
        return policy.untilHolds(task, Map.of(), () -> {
            runs.incrementAndGet();
            return TaskResult.of("h", TaskStatus.CHANGED, Map.of("rc", 0));
        }, (result, left) -> { });
    }

    @Test
    void untilThatNeverHoldsFailsTheTaskAfterRetriesPlusOneRuns() {
        AtomicInteger runs = new AtomicInteger();
        TaskResult result = run(shell(List.of()), runs);
        assertEquals(3, runs.get());
        assertEquals(TaskStatus.FAILED, result.status());
        assertEquals(2, result.registered().get("attempts"));
    }

    @Test
    void withFailedWhenTheTaskIsJudgedByItButTheRegisteredResultSaysFailed() {
        TaskResult result = run(shell(List.of("r.attempts > 6")), new AtomicInteger());
        assertEquals(TaskStatus.CHANGED, result.status());
        assertEquals(true, result.registered().get("failed"));
        assertEquals(false, result.registered().get("failed_when_result"));
        assertEquals(2, result.registered().get("attempts"));
    }
}
