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
import org.junit.jupiter.api.Test;

/**
 * seboolean and selinux against recorded output of RHEL 9's getsebool, semanage and getenforce
 * (no SELinux host runs in this lab), and the failure a Debian host gets.
 */
class SelinuxModulesTest {
    private static final String CONFIG = "# This file controls the state of SELinux\nSELINUX=permissive\nSELINUXTYPE=targeted\n";

    @Test
    void aBooleanIsSetPersistentlyOnlyWhenItDiffers() {
        RecordedHost rhel = new RecordedHost().answer("getsebool --", "httpd_can_network_connect --> off\n");
        Plan plan = rhel.plan(new SebooleanModule(), args("name", "httpd_can_network_connect", "state", true, "persistent", true));
        assertEquals(List.of("setsebool -P httpd_can_network_connect on"), rhel.apply(plan));
        RecordedHost set = new RecordedHost().answer("getsebool --", "httpd_can_network_connect --> on\n")
                .answer("semanage boolean", "httpd_can_network_connect      (on   ,   on)  Allow httpd to connect\n");
        assertFalse(set.plan(new SebooleanModule(), args("name", "httpd_can_network_connect", "state", true,
                "persistent", true)).changesSomething());
    }

    @Test
    void aRuntimeValueThatIsNotPersistentIsMadePersistent() {
        RecordedHost host = new RecordedHost().answer("getsebool --", "httpd_can_network_connect --> on\n")
                .answer("semanage boolean", "httpd_can_network_connect      (on   ,  off)  Allow httpd to connect\n");
        assertTrue(host.plan(new SebooleanModule(), args("name", "httpd_can_network_connect", "state", true,
                "persistent", true)).changesSomething());
    }

    @Test
    void debianHostsHaveNoSelinux() {
        RecordedHost debian = new RecordedHost().answer("command -v", 1, "");
        ModuleFailure e = assertThrows(ModuleFailure.class,
                () -> debian.plan(new SebooleanModule(), args("name", "x", "state", true)));
        assertTrue(e.getMessage().startsWith("SELinux is not available on recorded"), e.getMessage());
        assertThrows(ModuleFailure.class, () -> debian.plan(new SelinuxModule(),
                args("state", "enforcing", "policy", "targeted")));
    }

    @Test
    void enforcingEditsTheConfigAndSetsTheRunningMode() {
        RecordedHost host = new RecordedHost().answer("getenforce", "Permissive\n").file("/etc/selinux/config", CONFIG);
        Plan plan = host.plan(new SelinuxModule(), args("state", "enforcing", "policy", "targeted"));
        host.apply(plan);
        assertEquals(CONFIG.replace("SELINUX=permissive", "SELINUX=enforcing"), host.fileText("/etc/selinux/config"));
        assertTrue(host.commands().contains("setenforce 1"));
        assertEquals(false, plan.result().get("reboot_required"));
    }

    @Test
    void disablingNeedsAReboot() {
        RecordedHost host = new RecordedHost().answer("getenforce", "Enforcing\n").file("/etc/selinux/config", CONFIG);
        Plan plan = host.plan(new SelinuxModule(), args("state", "disabled"));
        assertEquals(true, plan.result().get("reboot_required"));
        assertEquals(1, plan.changes().size(), "only the config changes; setenforce cannot disable");
    }
}
