package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ansible's variable precedence, one adjacent pair of layers per test: role defaults < inventory group
 * vars < inventory host vars < play vars < vars_files < set_fact / register < extra vars.
 */
class VariablePrecedenceTest extends SemanticsTestBase {

    private LvsplayRun.Result r;

    @BeforeEach
    void runIt() {
        inventory("""
                [web]
                h1 ansible_connection=local v_group_vs_host=host-var v_host_vs_play=host-var

                [web:vars]
                v_default_vs_group=group-var
                v_group_vs_host=group-var
                """);
        r = run("precedence.yml", "-e", "v_fact_vs_extra=extra-var");
        assertEquals(0, r.exitCode(), r.output());
    }

    private void assertShown(String name, String value) {
        assertTrue(debugMessages(r).contains(name + "=" + value), r.stdout());
    }

    @Test
    void roleDefaultIsUsedWhenNothingElseSetsIt() {
        assertShown("v_default_only", "role-default");
    }

    @Test
    void groupVarsBeatRoleDefaults() {
        assertShown("v_default_vs_group", "group-var");
    }

    @Test
    void hostVarsBeatGroupVars() {
        assertShown("v_group_vs_host", "host-var");
    }

    @Test
    void playVarsBeatHostVars() {
        assertShown("v_host_vs_play", "play-vars");
    }

    @Test
    void varsFilesBeatPlayVars() {
        assertShown("v_play_vs_varsfile", "vars-file");
    }

    @Test
    void setFactBeatsVarsFiles() {
        assertShown("v_varsfile_vs_fact", "set-fact");
    }

    @Test
    void registerBeatsVarsFiles() {
        assertShown("v_register_vs_varsfile", "registered");
    }

    @Test
    void extraVarsBeatSetFact() {
        assertShown("v_fact_vs_extra", "extra-var");
    }
}
