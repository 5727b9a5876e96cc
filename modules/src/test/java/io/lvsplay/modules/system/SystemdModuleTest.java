package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** systemd's plans from recorded `systemctl show` output. */
class SystemdModuleTest {
    private final SystemdModule systemd = new SystemdModule();

    private static RecordedHost unit(String active, String fileState, String needReload) {
        return new RecordedHost().answer("[ -d /run/systemd/system ]", "")
                .answer("systemctl show -- keepalived.service", "Id=keepalived.service\nLoadState=loaded\n"
                        + "ActiveState=" + active + "\nSubState=running\nUnitFileState=" + fileState + "\n"
                        + "NeedDaemonReload=" + needReload + "\nExecStart={ path=/usr/sbin/keepalived ; argv[]=/usr/sbin/keepalived\n"
                        + " ; ignore_errors=no }\nMainPID=42\n");
    }

    @Test
    void aRunningEnabledUnitNeedsNothing() {
        RecordedHost host = unit("active", "enabled", "no");
        Plan plan = host.plan(systemd, args("name", "keepalived.service", "state", "started", "enabled", true));
        assertFalse(plan.changesSomething());
        @SuppressWarnings("unchecked")
        Map<String, String> status = (Map<String, String>) plan.result().get("status");
        assertEquals("42", status.get("MainPID"));
        assertTrue(status.get("ExecStart").endsWith("ignore_errors=no }"), "multi-line values are joined");
    }

    @Test
    void changesComeInAnsiblesOrderReloadMaskEnableState() {
        RecordedHost host = unit("inactive", "disabled", "yes");
        Plan plan = host.plan(systemd, args("name", "keepalived.service", "daemon_reload", true,
                "enabled", true, "state", "started", "no_block", true));
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable -- keepalived.service",
                "systemctl --no-block start -- keepalived.service"), host.apply(plan).stream()
                .filter(c -> !c.contains("show")).toList());
    }

    @Test
    void daemonReloadIsNoChangeWhenNoUnitFileChanged() {
        RecordedHost host = unit("active", "enabled", "no");
        assertFalse(host.plan(systemd, args("name", "keepalived.service", "daemon_reload", true)).changesSomething());
    }

    @Test
    void restartedAlwaysActsAndReloadedStartsAStoppedUnit() {
        assertEquals("restart keepalived.service", unit("active", "enabled", "no")
                .plan(systemd, args("name", "keepalived.service", "state", "restarted")).changes().get(0).description());
        assertEquals("start keepalived.service", unit("inactive", "enabled", "no")
                .plan(systemd, args("name", "keepalived.service", "state", "reloaded")).changes().get(0).description());
    }

    @Test
    void maskingShowsTheDiff() {
        Plan plan = unit("inactive", "disabled", "no").plan(systemd, args("name", "keepalived.service", "masked", true));
        assertEquals("masked: true\n", plan.changes().get(0).diff().after());
    }

    @Test
    void anUnknownUnitFailsLikeAnsible() {
        RecordedHost host = new RecordedHost().answer("[ -d /run/systemd/system ]", "")
                .answer("systemctl show", "LoadState=not-found\nActiveState=inactive\n");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(systemd, args("name", "nope", "state", "started")));
        assertTrue(e.getMessage().startsWith("Could not find the requested service nope"));
    }

    @Test
    void aHostWithoutSystemdIsAClearFailure() {
        RecordedHost sysv = new RecordedHost().answer("[ -d /run/systemd/system ]", 1, "");
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> sysv.plan(systemd, args("name", "keepalived", "state", "started")));
        assertTrue(e.getMessage().contains("systemd is not the init system"), e.getMessage());
    }

    @Test
    void aStaticUnitCannotBeDisabled() {
        RecordedHost host = unit("active", "static", "no");
        assertThrows(ModuleFailure.class, () -> host.plan(systemd, args("name", "keepalived.service", "enabled", false)));
    }
}
