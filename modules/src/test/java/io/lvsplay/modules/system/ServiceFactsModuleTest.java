package io.lvsplay.modules.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** service_facts parsing of recorded `service --status-all` and systemctl listings. */
class ServiceFactsModuleTest {

    @Test
    void sysvScriptsAreKeyedByNameWithTheirState() {
        Map<String, Object> services = ServiceFactsModule.fromSysv(" [ + ]  ssh\n [ - ]  keepalived\n [ ? ]  hwclock.sh\n");
        assertEquals(Map.of("name", "ssh", "state", "running", "source", "sysv"), services.get("ssh"));
        assertEquals("stopped", ((Map<?, ?>) services.get("keepalived")).get("state"));
        assertEquals(2, services.size(), "[ ? ] scripts are left out, as Ansible does");
    }

    @Test
    void systemdUnitsTakeTheirStatusFromUnitFiles() {
        String units = "ssh.service       loaded active   running OpenBSD Secure Shell server\n"
                + "foo.service       not-found inactive dead  foo.service\n";
        String files = "UNIT FILE  STATE  VENDOR PRESET\nssh.service enabled enabled\nfoo.service masked enabled\n"
                + "keepalived.service disabled enabled\n";
        Map<String, Object> services = ServiceFactsModule.fromSystemd(units, files);
        assertEquals(Map.of("name", "ssh.service", "state", "running", "status", "enabled", "source", "systemd"),
                services.get("ssh.service"));
        assertEquals("not-found", ((Map<?, ?>) services.get("foo.service")).get("status"));
        assertEquals("disabled", ((Map<?, ?>) services.get("keepalived.service")).get("status"));
    }
}
