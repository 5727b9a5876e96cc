package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** include_tasks (looped, templated), import_tasks, roles and their defaults. */
class IncludesAndRolesTest extends SemanticsTestBase {

    @Test
    void includeTasksWithALoopRunsTheFileOncePerItem() {
        LvsplayRun.Result r = run("includes.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("apple", read("h1-apple"));
        assertEquals("pear", read("h1-pear"));
    }

    @Test
    void importedTasksSeeThePlayVariables() {
        LvsplayRun.Result r = run("includes.yml");
        assertTrue(debugMessages(r).contains("imported sees play-var"), r.stdout());
        assertTrue(r.stdout().contains("TASK [imported task]"), r.stdout());
    }

    @Test
    void templatedIncludePathIsResolvedAtRunTime() {
        LvsplayRun.Result r = run("includes.yml");
        assertTrue(debugMessages(r).contains("flavour a"), r.stdout());
    }

    @Test
    void roleTaskHeaderIsPrefixedWithTheRoleName() {
        LvsplayRun.Result r = run("roles.yml");
        assertTrue(r.stdout().contains("TASK [greeter : greet] ***"), r.stdout());
    }

    @Test
    void roleDefaultsApplyWhenNothingOverridesThem() {
        LvsplayRun.Result r = run("roles.yml");
        assertEquals(List.of("greeting=role-default", "greeting=role-default"), debugMessages(r));
    }

    @Test
    void inventoryVariablesOverrideRoleDefaults() {
        inventory("[web]\nh1 ansible_connection=local greeting=from-host\nh2 ansible_connection=local\n"
                + "[web:vars]\ngreeting=from-group\n");
        LvsplayRun.Result r = run("roles.yml");
        assertEquals(List.of("greeting=from-host", "greeting=from-group"), debugMessages(r));
    }

    @Test
    void extraVarsOverrideRoleDefaults() {
        LvsplayRun.Result r = run("roles.yml", "-e", "greeting=from-cli");
        assertEquals(List.of("greeting=from-cli", "greeting=from-cli"), debugMessages(r));
    }
}
