package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ansible-playbook's options: tags, start-at-task, list/syntax modes, --json, -e forms, --limit. */
class CommandLineTest extends SemanticsTestBase {

    @Test
    void tagsRunTaggedTasksPlusAlways() {
        LvsplayRun.Result r = run("tags.yml", "--tags", "config");
        assertEquals(List.of("configure", "always"), debugMessages(r));
    }

    @Test
    void skipTagsLeaveOutTaggedTasks() {
        LvsplayRun.Result r = run("tags.yml", "--skip-tags", "packages,config");
        assertEquals(List.of("untagged", "always"), debugMessages(r));
    }

    @Test
    void neverTaggedTaskRunsOnlyWhenAsked() {
        assertFalse(debugMessages(run("tags.yml")).contains("never"));
        assertEquals(List.of("always", "never"), debugMessages(run("tags.yml", "--tags", "debug")));
    }

    @Test
    void skippedByTagsTasksDoNotShowUp() {
        LvsplayRun.Result r = run("tags.yml", "--tags", "config");
        assertFalse(r.stdout().contains("TASK [install]"), r.stdout());
        assertEquals(0, r.recapValue("h1", "skipped"), r.stdout());
    }

    @Test
    void startAtTaskSkipsEarlierTasks() {
        LvsplayRun.Result r = run("tags.yml", "--start-at-task", "untagged step");
        assertEquals(List.of("untagged", "always"), debugMessages(r));
    }

    @Test
    void listHostsPrintsThePatternAndHostsWithoutRunning() {
        LvsplayRun.Result r = run("check.yml", "--list-hosts");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("pattern: ['h1']"), r.stdout());
        assertTrue(r.stdout().contains("hosts (1):\n      h1\n"), r.stdout());
        assertFalse(Files.exists(file("app.conf")));
        assertFalse(Files.exists(file("touched")));
    }

    @Test
    void listTasksPrintsTaskNamesAndTags() {
        LvsplayRun.Result r = run("tags.yml", "--list-tasks");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("      install\tTAGS: [packages]"), r.stdout());
        assertTrue(r.stdout().contains("      untagged step\tTAGS: []\n"), r.stdout());
        assertFalse(r.stdout().contains("PLAY RECAP"), r.stdout());
    }

    @Test
    void syntaxCheckValidatesWithoutTouchingAnyHost() {
        LvsplayRun.Result r = run("check.yml", "--syntax-check");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("playbook: " + playbook("check.yml")), r.stdout());
        assertFalse(Files.exists(file("app.conf")));
        assertFalse(r.stdout().contains("TASK ["), r.stdout());
    }

    @Test
    void jsonOutputIsOneParseableDocumentWithStats() throws Exception {
        LvsplayRun.Result r = run("check.yml", "--json");
        assertEquals(0, r.exitCode(), r.output());
        JsonNode doc = new ObjectMapper().readTree(r.stdout());
        assertEquals(2, doc.get("stats").get("h1").get("changed").asInt(), r.stdout());
        assertEquals(0, doc.get("stats").get("h1").get("failures").asInt(), r.stdout());
        assertEquals("write config", doc.get("plays").get(0).get("tasks").get(0).get("task").get("name").asText());
    }

    @Test
    void extraVarsFromAFile() {
        LvsplayRun.Result r = run("extra-vars.yml", "-e", "@" + playbook("ev.yml"));
        assertEquals(List.of("k=from-file type=str"), debugMessages(r));
    }

    @Test
    void extraVarsAsJsonKeepTheirType() {
        LvsplayRun.Result r = run("extra-vars.yml", "-e", "{\"k\": 1}");
        assertEquals(List.of("k=1 type=int"), debugMessages(r));
    }

    @Test
    void extraVarsAsKeyValueAreStrings() {
        LvsplayRun.Result r = run("extra-vars.yml", "-e", "k=1");
        assertEquals(List.of("k=1 type=str"), debugMessages(r));
    }

    @Test
    void laterExtraVarsWin() {
        LvsplayRun.Result r = run("extra-vars.yml", "-e", "k=first", "-e", "k=second");
        assertEquals(List.of("k=second type=str"), debugMessages(r));
    }

    @Test
    void limitNarrowsThePlayHosts() {
        LvsplayRun.Result r = run("loops.yml", "--limit", "h2");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(-1, r.recapValue("h1", "ok"), r.stdout());
        assertTrue(Files.exists(file("h2-red.txt")));
        assertFalse(Files.exists(file("h1-red.txt")));
    }
}
