package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.Test;

class EnvironmentKeywordTest extends SemanticsTestBase {

    @Test
    void environmentOfPlayBlockAndTaskIsMergedInnerFirstAndTemplated() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("environment.yml");
        assertEquals(0, r.exitCode(), r.stdout());
        assertTrue(debugMessages(r).contains("env=play block task h1"), r.stdout());
    }
}
