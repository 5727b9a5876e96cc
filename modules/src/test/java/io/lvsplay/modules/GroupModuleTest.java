package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.Plan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupModuleTest {
    private static Plan plan(GroupModule.Found found, Object... kv) {
        return GroupModule.plan(new ModuleArgs(args(kv), new GroupModule().argSpec()), found);
    }

    @Test
    void aMissingGroupIsCreated() {
        Plan plan = plan(null, "name", "web", "gid", 1234, "system", true);
        assertEquals("create group web", plan.changes().get(0).description());
        assertEquals(Map.of("gid", 1234, "name", "web", "state", "present", "system", true), plan.result());
    }

    @Test
    void anExistingGroupChangesOnlyForADifferentGid() {
        GroupModule.Found web = GroupModule.Found.parse("web:x:1234:alice\n");
        assertFalse(plan(web, "name", "web").changesSomething());
        assertFalse(plan(web, "name", "web", "gid", 1234).changesSomething());
        assertEquals("set gid of group web", plan(web, "name", "web", "gid", 99).changes().get(0).description());
    }

    @Test
    void absentRemovesOnlyWhatExists() {
        assertFalse(plan(null, "name", "web", "state", "absent").changesSomething());
        assertEquals("remove group web", plan(GroupModule.Found.parse("web:x:5:"), "name", "web", "state", "absent")
                .changes().get(0).description());
    }
}
