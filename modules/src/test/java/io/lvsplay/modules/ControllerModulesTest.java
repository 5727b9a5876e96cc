package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** assert, fail, debug, set_fact and ping. */
class ControllerModulesTest {
    private final TestHost ctx = new TestHost(Path.of("/nonexistent"))
            .conditions(expr -> expr.equals("true_expr"))
            .var("vip", "10.0.0.100");

    @Test
    void assertPassesWhenEveryConditionHolds() {
        Plan plan = ctx.plan(new AssertModule(), args("that", List.of("true_expr", "true_expr")));
        assertEquals("All assertions passed", plan.result().get("msg"));
        assertTrue(new AssertModule().traits().contains(Module.Trait.RUNS_ON_CONTROLLER));
    }

    @Test
    void assertFailsOnTheFirstFalseConditionWithFailMsg() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> ctx.plan(new AssertModule(),
                args("that", List.of("true_expr", "a in [1, 2]"), "fail_msg", "VIP missing")));
        assertEquals("VIP missing", e.getMessage());
        assertEquals("a in [1, 2]", e.result().get("assertion"));
    }

    @Test
    void aSingleConditionStringIsNotSplitOnCommas() {
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> ctx.plan(new AssertModule(), args("that", "x in [1, 2]")));
        assertEquals("x in [1, 2]", e.result().get("assertion"));
    }

    @Test
    void failFailsWithItsMessage() {
        assertEquals("stop", assertThrows(ModuleFailure.class,
                () -> ctx.plan(new FailModule(), args("msg", "stop"))).getMessage());
    }

    @Test
    void debugShowsAMessageOrAVariable() {
        assertEquals(Map.of("msg", "hi"), ctx.plan(new DebugModule(), args("msg", "hi")).result());
        assertEquals(Map.of("vip", "10.0.0.100"), ctx.plan(new DebugModule(), args("var", "vip")).result());
        assertEquals(Map.of("nope", "VARIABLE IS NOT DEFINED!"), ctx.plan(new DebugModule(), args("var", "nope")).result());
    }

    @Test
    void setFactReturnsAnsibleFacts() {
        Plan plan = ctx.plan(new SetFactModule(), args("weight", 3, "cacheable", true));
        assertEquals(Map.of("weight", 3), plan.result().get("ansible_facts"));
        assertEquals(true, plan.result().get("_ansible_facts_cacheable"));
        assertFalse(plan.changesSomething());
    }

    @Test
    void setFactTurnsTheStringsTrueFalseYesNoIntoBooleansAsAnsibleDoes() {
        Plan plan = ctx.plan(new SetFactModule(), args("a", "false", "b", "Yes", "c", "no", "d", "maybe", "e", "0"));
        assertEquals(Map.of("a", false, "b", true, "c", false, "d", "maybe", "e", "0"), plan.result().get("ansible_facts"));
    }

    @Test
    void setFactRejectsInvalidVariableNames() {
        assertThrows(ModuleFailure.class, () -> ctx.plan(new SetFactModule(), args("not-valid", 1)));
    }

    @Test
    void pingAnswersPongFromTheHost() {
        assertEquals(Map.of("ping", "pong"), ctx.plan(new PingModule(), args()).result());
    }
}
