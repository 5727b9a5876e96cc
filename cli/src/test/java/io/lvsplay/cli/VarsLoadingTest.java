package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * include_vars, vars_files forms, include params and role loading, through the CLI. The expected
 * messages are what ansible-playbook 2.14 prints for semantics/vars-loading/site.yml.
 */
class VarsLoadingTest extends SemanticsTestBase {

    private List<String> messages() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("vars-loading/site.yml");
        assertEquals(0, r.exitCode(), r.output());
        return debugMessages(r);
    }

    @Test
    void roleDependenciesRunOncePerParamsAndSeeTheirParams() {
        assertEquals(List.of("shared who=A", "shared who=B"), messages().subList(0, 2));
    }

    @Test
    void roleVarsOutrankPlayVarsAndVarsFiles() {
        assertEquals("holder level=role", messages().get(2));
    }

    @Test
    void includedVarsOutrankPlayVarsButNotSetFact() {
        List<String> m = messages();
        assertEquals("level=included", m.get(3));
        assertEquals("level=fact", m.get(4), "a later include_vars does not beat an earlier set_fact");
    }

    @Test
    void includeVarsOfAFolderUnderOneName() {
        assertEquals("tree=1,2 files=2", messages().get(5));
    }

    @Test
    void staticIncludeParamsAreTaskVarsButDynamicIncludeVarsOutrankSetFact() {
        List<String> m = messages();
        assertEquals("included level=fact", m.get(6));
        assertEquals("included level=param", m.get(7));
    }

    @Test
    void varsFilesTakeTheFirstFoundAndPerHostTemplatedNames() {
        assertEquals("first=from-first host=h1-file quiet=from-defaults", messages().get(8));
    }

    @Test
    void notifyOnImportTasksIsInheritedByTheImportedTasks() {
        assertTrue(messages().contains("handler ran"));
    }
}
