package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** hostname plans on a SysV (Debian strategy) and a systemd host. */
class HostnameModuleTest {
    private final HostnameModule hostname = new HostnameModule();

    @Test
    void theDebianStrategyWritesEtcHostnameAndSetsTheRunningName() {
        RecordedHost host = new RecordedHost().answer("hostname", "old\n").file("/etc/hostname", "old\n");
        List<String> ran = host.apply(host.plan(hostname, args("name", "lvs1.example.net", "use", "debian")));
        assertEquals(List.of("printf '%s\\n' lvs1.example.net > /etc/hostname && hostname -- lvs1.example.net"), ran);
    }

    @Test
    void theSameNameIsNoChange() {
        RecordedHost host = new RecordedHost().answer("hostname", "lvs1\n").file("/etc/hostname", "lvs1\n");
        assertFalse(host.plan(hostname, args("name", "lvs1", "use", "generic")).changesSomething());
    }

    @Test
    void systemdUsesHostnamectl() {
        RecordedHost host = new RecordedHost().answer("hostnamectl --static", "old\n").answer("hostname", "old\n");
        assertEquals(List.of("hostnamectl set-hostname -- lvs1"), host.apply(host.plan(hostname, args("name", "lvs1", "use", "systemd"))));
    }
}
