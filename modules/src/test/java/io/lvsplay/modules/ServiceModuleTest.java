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
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SysV host like the lab containers, simulated in a temp directory: every command really
 * runs, with /etc and /run redirected there, and the init script keeps its state in a file.
 */
class ServiceModuleTest {
    @TempDir
    Path root;

    private TestHost host;
    private final ServiceModule service = new ServiceModule();

    @BeforeEach
    void sysvHost() {
        write(root.resolve("etc/init.d/nginx"), String.join("\n",
                "#!/bin/sh",
                "state=" + root + "/nginx.running",
                "case \"$1\" in",
                "  start) touch \"$state\" ;;",
                "  stop) rm -f \"$state\" ;;",
                "  restart|reload) touch \"$state\"; echo \"$1\" >> " + root + "/nginx.log ;;",
                "  status) [ -e \"$state\" ] ;;",
                "esac", ""));
        new ShellRemoteHost(new LocalConnection("l"), Become.NONE).run("chmod +x " + root.resolve("etc/init.d/nginx"));
        host = new TestHost(new RedirectedHost(root), Path.of("/nonexistent"));
    }

    @Test
    void startedStartsAStoppedServiceThenIsIdempotent() {
        Plan plan = host.plan(service, args("name", "nginx", "state", "started"));
        assertEquals("start nginx", plan.changes().get(0).description());
        host.apply(plan);
        assertTrue(root.resolve("nginx.running").toFile().exists());
        assertFalse(host.plan(service, args("name", "nginx", "state", "started")).changesSomething());
    }

    @Test
    void stoppedStopsARunningService() {
        write(root.resolve("nginx.running"), "");
        host.run(service, args("name", "nginx", "state", "stopped"));
        assertFalse(root.resolve("nginx.running").toFile().exists());
    }

    @Test
    void restartedAndReloadedAlwaysChange() {
        write(root.resolve("nginx.running"), "");
        assertTrue(host.plan(service, args("name", "nginx", "state", "restarted")).changesSomething());
        host.run(service, args("name", "nginx", "state", "reloaded"));
        assertEquals("reload\n", TestHost.read(root.resolve("nginx.log")));
    }

    @Test
    void enabledIsReadFromTheRunlevelLinks() {
        assertTrue(host.plan(service, args("name", "nginx", "enabled", true)).changesSomething());
        write(root.resolve("etc/rc2.d/S01nginx"), "");
        assertFalse(host.plan(service, args("name", "nginx", "enabled", true)).changesSomething());
    }

    @Test
    void aServiceWithNoInitScriptFailsNamingTheHost() {
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> host.plan(service, args("name", "keepalived", "state", "started")));
        assertEquals("cannot manage service keepalived: no systemd and no /etc/init.d/keepalived on local",
                e.getMessage());
    }

    @Test
    void systemdArgumentsFailOnAHostWithoutSystemdAsAnsibleServiceDoes() {
        ModuleFailure failure = assertThrows(ModuleFailure.class, () -> host.plan(service,
                args("name", "nginx", "state", "started", "daemon_reload", true, "masked", false)));
        assertEquals("Unsupported parameters for (ansible.legacy.service) module: daemon_reload, masked. "
                + "Supported parameters include: arguments, enabled, name, pattern, runlevel, sleep, state (args).",
                failure.getMessage());
    }
}
