package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** setup's facts are the gathering script's, with ansible_ names, kept to the filter's patterns. */
class SetupModuleTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Object... args) {
        // what the fact script printed is not needed: even an empty answer gives the always-present facts
        Plan plan = new RecordedHost().plan(new SetupModule(), args(args));
        assertFalse(plan.changesSomething());
        return (Map<String, Object>) plan.result().get("ansible_facts");
    }

    @Test
    void everyFactHasItsAnsibleName() {
        Map<String, Object> all = facts();
        assertTrue(all.containsKey("ansible_system"), all.keySet().toString());
        assertTrue(all.keySet().stream().allMatch(k -> k.startsWith("ansible_")));
    }

    @Test
    void theFilterKeepsMatchingNamesWithOrWithoutThePrefix() {
        assertEquals(Set.of("ansible_system"), facts("filter", List.of("ansible_sys*")).keySet());
        assertEquals(Set.of("ansible_system"), facts("filter", List.of("system")).keySet());
    }

    @Test
    void aSubsetOtherThanAllIsRefusedBeforeAnyHostIsContacted() {
        List<String> problems = new SetupModule().argSpec().validate(args("gather_subset", List.of("network")), Set.of());
        assertEquals(1, problems.size(), problems.toString());
    }
}
