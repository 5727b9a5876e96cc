package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ansible's magic variables: versions, role names, serial batches, the template action's template_* vars. */
class MagicVariablesTest extends SemanticsTestBase {

    private LvsplayRun.Result runIt() {
        LvsplayRun.Result r = run("magic-roles/site.yml", "-f", "7", "-v");
        assertEquals(0, r.exitCode(), r.output());
        return r;
    }

    @Test
    void playBannerIsTemplatedWithPlayVars() {
        assertTrue(runIt().stdout().contains("PLAY [play for magic]"));
    }

    @Test
    void ansiblePlayBatchIsTheSerialBatch() {
        List<String> batches = debugMessages(runIt()).stream().filter(m -> m.startsWith("batch=")).toList();
        assertEquals(List.of("batch=h1 hosts=h1,h2", "batch=h2 hosts=h1,h2"), batches);
    }

    @Test
    void versionForksAndVerbosity() {
        assertTrue(debugMessages(runIt()).contains("version=2.14.18 2.14.18 forks=7 verbosity=1"));
    }

    @Test
    void roleNamesSeparatePlayRolesFromDependencies() {
        assertTrue(debugMessages(runIt()).contains("roles=outer play=outer dep=dep all=dep,outer"));
    }

    @Test
    void templateSeesTheTemplateActionsVariables() {
        runIt();
        assertEquals("path=vars.j2\nfull=vars.j2\nhost=True\ndate=True\nuid=True\ndest=h1.txt\nmanaged=Ansible managed\n",
                read("h1.txt"));
    }

    /** As ansible-playbook 2.14 prints for semantics/parent-roles (checked side by side). */
    @Test
    void parentRoleNamesListTheRolesWhoseTasksIncludedOrImportedThisOne() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("parent-roles/site.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of("top=False", "outer=none", "inner=outer paths=outer", "nested=inner,outer", "nested=outer",
                "after=none"), debugMessages(r));
    }
}
