package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** modprobe plans from a recorded probe of /proc/modules, modules-load.d and modprobe.d. */
class ModprobeModuleTest {
    private final ModprobeModule modprobe = new ModprobeModule();

    @Test
    void anUnloadedModuleIsLoadedWithItsParams() {
        RecordedHost host = new RecordedHost();
        Plan plan = host.plan(modprobe, args("name", "ip_vs", "params", "conn_tab_bits=12"));
        assertEquals(List.of("modprobe -- ip_vs conn_tab_bits=12"), host.apply(plan));
    }

    @Test
    void aLoadedModuleNeedsNothingAndAbsentUnloadsIt() {
        RecordedHost host = new RecordedHost().answer("/proc/modules", "loaded\n");
        assertFalse(host.plan(modprobe, args("name", "ip_vs")).changesSomething());
        assertEquals(List.of("modprobe -r -- ip_vs"), host.apply(host.plan(modprobe, args("name", "ip_vs", "state", "absent"))));
    }

    @Test
    void persistentWritesTheLoadAndOptionsFiles() {
        RecordedHost host = new RecordedHost().answer("/proc/modules", "loaded\n");
        Plan plan = host.plan(modprobe, args("name", "ip_vs", "params", "conn_tab_bits=12", "persistent", "present"));
        String cmd = host.apply(plan).get(0);
        assertTrue(cmd.contains("printf '%s\\n' ip_vs > /etc/modules-load.d/ip_vs.conf"), cmd);
        assertTrue(cmd.contains("'options ip_vs conn_tab_bits=12' > /etc/modprobe.d/ip_vs.conf"), cmd);
        assertEquals("at boot: true\noptions: conn_tab_bits=12\n", plan.changes().get(0).diff().after());
    }

    @Test
    void persistentIsIdempotentWhenFilesMatch() {
        RecordedHost host = new RecordedHost().answer("/proc/modules", "loaded\npersistent\nparam conn_tab_bits=12\n");
        assertFalse(host.plan(modprobe, args("name", "ip_vs", "params", "conn_tab_bits=12", "persistent", "present"))
                .changesSomething());
        assertTrue(host.plan(modprobe, args("name", "ip_vs", "persistent", "absent")).changesSomething());
    }
}
