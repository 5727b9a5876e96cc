package io.lvsplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import org.junit.jupiter.api.Test;

/** Task keywords whose values are templates or numbers Ansible converts: retries, delay, until. */
class TaskKeywordsTest extends SemanticsTestBase {

    @Test
    void retriesMayBeATemplateAndDelayAFloat() {
        LvsplayRun.Result r = run("until-templated.yml");
        assertEquals(0, r.exitCode(), r.output());
        // retries 3: four runs, and Ansible reports attempts = 3 when until never held
        assertTrue(debugMessages(r).contains("attempts=3 runs=4 a=2"), r.stdout());
        assertEquals(3, count(r.stdout(), "FAILED - RETRYING: [h1]: never holds"), r.stdout());
        assertTrue(r.stdout().contains("FAILED - RETRYING: [h1]: never holds (1 retries left)."), r.stdout());
    }

    @Test
    void aDelayThatIsNoNumberFailsTheTaskWhenItRuns() {
        LvsplayRun.Result r = run("until-bad-delay.yml");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("the field 'delay' has an invalid value (0.5)"), r.stdout());
    }

    private static final String FOUR_HOSTS = "[web]\nh1 ansible_connection=local\nh2 ansible_connection=local\n"
            + "h3 ansible_connection=local\nh4 ansible_connection=local\n";

    @Test
    void throttleLimitsHowManyHostsRunTheTaskAtOnce() {
        for (String strategy : java.util.List.of("linear", "free")) {
            inventory(FOUR_HOSTS);
            LvsplayRun.Result r = run("throttle.yml", "-f", "4", "-e", "strat=" + strategy);
            assertEquals(0, r.exitCode(), r.output());
            java.util.List<Integer> peaks = read("peaks").lines().map(Integer::parseInt).toList();
            assertEquals(4, peaks.size(), strategy + ": " + peaks);
            assertTrue(peaks.stream().allMatch(p -> p <= 2), strategy + ": " + peaks);
            assertTrue(file("peaks").toFile().delete());
        }
    }

    @Test
    void aTemplatedActionIsResolvedPerHostAndAnUnknownOneFailsTheTask() {
        LvsplayRun.Result r = run("action-templated.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(debugMessages(r).containsAll(java.util.List.of("h1 msg=True ping=False", "h2 msg=False ping=True")),
                r.stdout());
        assertTrue(r.stdout().contains("TASK [{{ module_to_run }}]"), r.stdout());
        assertTrue(r.stdout().contains("couldn't resolve module/action 'no_such_module'"), r.stdout());
        assertEquals(2, r.recapValue("h1", "ignored") + r.recapValue("h2", "ignored"), r.stdout());
    }

    @Test
    void connectionLocalRunsThePlayOrTaskOnTheController() {
        // nothing listens on port 1: SSH to these hosts fails
        inventory("[web]\nh1 ansible_host=127.0.0.1 ansible_port=1\nh2 ansible_host=127.0.0.1 ansible_port=1\n");
        LvsplayRun.Result r = run("connection-local.yml", "-T", "2");
        assertEquals(java.util.List.of("h1", "h2"), read("play-local").lines().sorted().toList(), r.output());
        assertEquals(java.util.List.of("h1", "h2"), read("task-local").lines().sorted().toList(), r.output());
        assertTrue(r.stdout().contains("UNREACHABLE"), r.stdout());
    }

    @Test
    void dashCLocalIsTheDefaultConnectionOfEveryPlay() {
        inventory("[web]\nh1 ansible_host=127.0.0.1 ansible_port=1\nh2 ansible_host=127.0.0.1 ansible_port=1\n");
        LvsplayRun.Result r = run("connection-cli.yml", "-T", "2", "-c", "local");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(java.util.List.of("h1", "h2"), read("cli-local").lines().sorted().toList(), r.output());
    }

    @Test
    void hostsAnsibleConnectionWinsOverDashC() {
        inventory("[web]\nh1 ansible_host=127.0.0.1 ansible_port=1 ansible_connection=ssh\n");
        LvsplayRun.Result r = run("connection-cli.yml", "-T", "2", "-c", "local");
        assertEquals(4, r.exitCode(), r.output());
    }

    @Test
    void dashCWithAnUnsupportedTypeIsRefused() {
        LvsplayRun.Result r = run("connection-cli.yml", "-c", "paramiko");
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.output().contains("lvsplay does not support connection types other than ssh and local yet"), r.output());
    }

    @Test
    void includeRoleHandlersFromUsesThatHandlersFile() {
        LvsplayRun.Result r = run("handlers-from.yml");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("alternate\n", read("handled"), r.stdout());
    }
}
