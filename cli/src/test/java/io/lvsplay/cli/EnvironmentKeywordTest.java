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

    @Test
    void environmentWrittenAsATemplateOrAListOfLayersIsMergedInOrder() {
        inventory(ONE_HOST);
        LvsplayRun.Result r = run("environment-templated.yml");
        assertEquals(0, r.exitCode(), r.stdout());
        assertTrue(debugMessages(r).contains("env=var task listed"), r.stdout());
        assertTrue(debugMessages(r).stream().anyMatch(m -> m.contains("environment must be a dictionary")), r.stdout());
    }
}
