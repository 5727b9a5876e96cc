package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.Become;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.transport.LocalConnection;
import io.lvsplay.modules.system.SysvinitModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sysvinit against a real init script in a temp directory (/etc redirected there): its status
 * prints what Debian's scripts print, its state is a file, each action is logged.
 */
class SysvinitModuleTest {
    @TempDir
    Path root;

    private TestHost host;
    private final SysvinitModule sysvinit = new SysvinitModule();

    @BeforeEach
    void sysvHost() {
        String state = root + "/m5d.running";
        write(root.resolve("etc/init.d/m5d"), String.join("\n",
                "#!/bin/sh",
                "echo \"$@\" >> " + root + "/m5d.log",
                "case \"$1\" in",
                "  start) [ -e " + root + "/m5d.broken ] && { echo 'no config' >&2; exit 1; }; touch " + state + " ;;",
                "  reload) touch " + state + " ;;",
                "  stop) rm -f " + state + " ;;",
                "  status) if [ -e " + state + " ]; then echo 'm5d is running.'; else echo 'm5d is not running ... failed!'; exit 3; fi ;;",
                "  fail) exit 1 ;;",
                "esac", ""));
        write(root.resolve("etc/rc0.d/K01m5d"), "");
        // service(8) as Debian's runs the script (the status is asked through it when it exists)
        write(root.resolve("bin/service"), "#!/bin/sh\nexec " + root + "/etc/init.d/\"$1\" \"$2\"\n");
        new ShellRemoteHost(new LocalConnection("l"), Become.NONE)
                .run("chmod +x " + root.resolve("etc/init.d/m5d") + " " + root.resolve("bin/service"));
        host = new TestHost(new RedirectedHost(root, root.resolve("bin")), Path.of("/nonexistent"));
    }

    @Test
    void startedStartsAStoppedServiceThenIsIdempotent() {
        Plan plan = host.plan(sysvinit, args("name", "m5d", "state", "started"));
        assertEquals("start m5d", plan.changes().get(0).description());
        Map<String, Object> result = host.apply(plan);
        assertTrue(root.resolve("m5d.running").toFile().exists());
        Map<?, ?> started = (Map<?, ?>) ((Map<?, ?>) result.get("status")).get("started");
        assertEquals(true, started.get("changed"));
        assertEquals(0, started.get("rc"));
        assertFalse(host.plan(sysvinit, args("name", "m5d", "state", "started")).changesSomething());
        assertTrue(host.plan(sysvinit, args("name", "m5d", "state", "stopped")).changesSomething());
    }

    @Test
    void theCheckModeResultHasAnsiblesStatusKeysWithNoOutput() {
        Plan plan = host.plan(sysvinit, args("name", "m5d", "enabled", false));
        assertFalse(plan.changesSomething(), "no start link: already disabled");
        Map<?, ?> status = (Map<?, ?>) plan.result().get("status");
        assertEquals(List.of("enabled", "null"), List.copyOf(status.keySet()), "None shows as null in Ansible's JSON");
        Map<?, ?> enabled = (Map<?, ?>) status.get("enabled");
        assertEquals(false, enabled.get("changed"));
        assertTrue(enabled.containsKey("rc") && enabled.get("rc") == null);
    }

    @Test
    void restartedStopsThenStartsAndReloadedAlwaysRunsReload() {
        host.run(sysvinit, args("name", "m5d", "state", "restarted", "sleep", 0, "arguments", "--fast 'a b'"));
        assertEquals("status\nstop --fast a b\nstart --fast a b\n", TestHost.read(root.resolve("m5d.log")));
        // Ansible's sysvinit reloads a stopped service too (both of its branches run the action)
        host.run(sysvinit, args("name", "m5d", "state", "stopped"));
        Plan reload = host.plan(sysvinit, args("name", "m5d", "state", "reloaded"));
        assertEquals(List.of("/etc/init.d/m5d reload"), reload.changes().get(0).shown());
    }

    @Test
    void restartSleepsAfterEachStep() {
        Plan plan = host.plan(sysvinit, args("name", "m5d", "state", "restarted", "sleep", 2));
        assertEquals(List.of("/etc/init.d/m5d stop; rc=$?; sleep 2; exit $rc", "/etc/init.d/m5d start; rc=$?; sleep 2; exit $rc"),
                plan.changes().get(0).shown());
    }

    @Test
    void aFailingActionFailsWithAnsiblesMessage() {
        write(root.resolve("m5d.broken"), "");
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.run(sysvinit, args("name", "m5d", "state", "started", "arguments", "; exit 0")));
        assertEquals("Failed to start service: m5d", e.getMessage());
        assertEquals("no config\n", e.result().get("stderr"));
    }

    @Test
    void enabledIsAStartLinkInAnyRunlevelOrInEachGivenOne() {
        assertTrue(host.plan(sysvinit, args("name", "m5d", "enabled", true)).changesSomething());
        write(root.resolve("etc/rc2.d/S01m5d"), "");
        assertFalse(host.plan(sysvinit, args("name", "m5d", "enabled", true)).changesSomething());
        assertFalse(host.plan(sysvinit, args("name", "m5d", "enabled", true, "runlevels", List.of("2"))).changesSomething());
        Plan both = host.plan(sysvinit, args("name", "m5d", "enabled", true, "runlevels", List.of("2", "3")));
        assertTrue(both.changesSomething());
        assertTrue(both.changes().get(0).shown().get(0).endsWith(" m5d enable 2 3"), both.changes().get(0).shown().toString());
        assertEquals(List.of("2", "3"), ((Map<?, ?>) ((Map<?, ?>) both.result().get("status")).get("enabled")).get("runlevels"));
    }

    @Test
    void aPatternIsLookedForInPsInsteadOfTheStatusAction() {
        Plan plan = host.plan(sysvinit, args("name", "m5d", "state", "started", "pattern", "no-such-process-m5d-xyz"));
        assertTrue(plan.changesSomething());
        assertEquals(List.of("Unable to determine if service is up, assuming it is down"), plan.result().get("warnings"));
        assertFalse(root.resolve("m5d.log").toFile().exists(), "the script is not asked for its status with a pattern");
    }

    @Test
    void aMissingScriptFailsAsAnsibleDoes() {
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(sysvinit, args("name", "nope", "state", "started")));
        assertEquals("Could not find the requested service nope: ", e.getMessage());
    }
}
