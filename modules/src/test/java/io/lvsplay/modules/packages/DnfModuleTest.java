package io.lvsplay.modules.packages;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * dnf's and yum's plans from recorded rpm -q (with the module's --qf) and dnf check-update output.
 * The fixtures are written after Rocky Linux 9 output: no RHEL-family host runs here.
 */
class DnfModuleTest {
    private static final String PROBE = "for m in dnf yum";
    private final DnfModule dnf = DnfModule.dnf();

    /** A Rocky 9 host: dnf, and yum as its symlink. */
    private static RecordedHost rocky(String probeOutput) {
        return new RecordedHost().answer(PROBE, "manager dnf\nmanager yum\n" + probeOutput);
    }

    @Test
    void anInstalledPackageNeedsNothing() {
        RecordedHost host = rocky("spec nginx\npkg nginx-1:1.20.1-14.el9_2.1.x86_64\n");
        Plan plan = host.plan(dnf, args("name", "nginx"));
        assertFalse(plan.changesSomething());
        assertEquals("Nothing to do", plan.result().get("msg"));
    }

    @Test
    void missingPackagesAreInstalledInOneCommandAndTheDiffListsThem() {
        RecordedHost host = rocky("spec nginx\npkg nginx-1:1.20.1-14.el9_2.1.x86_64\nspec keepalived\nspec ipvsadm\n");
        Plan plan = host.plan(dnf, args("name", List.of("nginx", "keepalived", "ipvsadm")));
        assertEquals("Installed: keepalived\nInstalled: ipvsadm\n", plan.changes().get(0).diff().after());
        assertEquals(List.of("dnf -y -q install -- keepalived ipvsadm"), host.apply(plan));
    }

    @Test
    void installedAndRemovedAreAnsiblesSynonyms() {
        RecordedHost host = rocky("spec ipvsadm\npkg ipvsadm-0:1.31-6.el9.x86_64\n");
        assertFalse(host.plan(dnf, args("name", "ipvsadm", "state", "installed")).changesSomething());
        RecordedHost removing = rocky("spec ipvsadm\npkg ipvsadm-0:1.31-6.el9.x86_64\n");
        assertEquals(List.of("dnf -y -q remove -- ipvsadm"),
                removing.apply(removing.plan(dnf, args("name", "ipvsadm", "state", "removed"))));
    }

    @Test
    void absentLeavesMissingPackagesAlone() {
        assertFalse(rocky("spec httpd\n").plan(dnf, args("name", "httpd", "state", "absent")).changesSomething());
    }

    @Test
    void aCapabilityOrVersionGlobCountsAsInstalledWhenRpmFindsAPackage() {
        // rpm -q --whatprovides webserver answers with the package that provides it
        RecordedHost host = rocky("spec webserver\npkg nginx-1:1.20.1-14.el9_2.1.x86_64\nspec nginx-1.20*\n"
                + "pkg nginx-1:1.20.1-14.el9_2.1.x86_64\n");
        assertFalse(host.plan(dnf, args("name", List.of("webserver", "nginx-1.20*"))).changesSomething());
    }

    @Test
    void latestUpgradesWhatCheckUpdateListsIncludingWrappedLongNames() {
        RecordedHost host = rocky("spec nginx\npkg nginx-1:1.20.1-14.el9_2.1.x86_64\n"
                + "spec keepalived\npkg keepalived-0:2.2.8-3.el9.x86_64\n"
                + "spec python3-libselinux-with-a-long-name\npkg python3-libselinux-with-a-long-name-0:3.5-1.el9.x86_64\n"
                + "check-update\n\n"
                + "nginx.x86_64                        1:1.20.1-16.el9_4.1                   appstream\n"
                + "python3-libselinux-with-a-long-name.x86_64\n"
                + "                                    3.6-1.el9                             baseos\n");
        Plan plan = host.plan(dnf, args("name", List.of("nginx", "keepalived", "python3-libselinux-with-a-long-name"),
                "state", "latest"));
        assertEquals(List.of("dnf -y -q upgrade -- nginx python3-libselinux-with-a-long-name"), host.apply(plan));
    }

    @Test
    void obsoletingLinesAreNotUpgrades() {
        RecordedHost host = rocky("spec grub2-tools\npkg grub2-tools-1:2.06-61.el9.x86_64\ncheck-update\n\n"
                + "Obsoleting Packages\n"
                + "grub2-tools.x86_64                  1:2.06-77.el9                         baseos\n"
                + "    grub2-tools.x86_64              1:2.06-61.el9                         @anaconda\n");
        assertFalse(host.plan(dnf, args("name", "grub2-tools", "state", "latest")).changesSomething());
    }

    @Test
    void latestInstallsWhatIsMissing() {
        RecordedHost host = rocky("spec haproxy\ncheck-update\n");
        assertEquals(List.of("dnf -y -q install -- haproxy"),
                host.apply(host.plan(dnf, args("name", "haproxy", "state", "latest"))));
    }

    @Test
    void disableGpgCheckSkipsSignaturesOfWhatIsInstalledOnly() {
        RecordedHost missing = rocky("spec haproxy\n");
        assertEquals(List.of("dnf -y -q --nogpgcheck install -- haproxy"),
                missing.apply(missing.plan(dnf, args("name", "haproxy", "disable_gpg_check", true))));
        RecordedHost installed = rocky("spec haproxy\npkg haproxy-0:2.4.22-3.el9_3.x86_64\n");
        assertEquals(List.of("dnf -y -q remove -- haproxy"), installed.apply(installed
                .plan(dnf, args("name", "haproxy", "state", "absent", "disable_gpg_check", true))));
    }

    @Test
    void updateCacheRefreshesBeforeAnInstallOnlyOrWhenAloneAsked() {
        RecordedHost host = rocky("spec haproxy\n");
        assertEquals(List.of("dnf -q -y makecache && dnf -y -q install -- haproxy"),
                host.apply(host.plan(dnf, args("name", "haproxy", "update_cache", true))));
        assertFalse(rocky("spec haproxy\npkg haproxy-0:2.4.22-3.el9_3.x86_64\n")
                .plan(dnf, args("name", "haproxy", "update_cache", true)).changesSomething());
        assertTrue(rocky("").plan(dnf, args("update_cache", true)).changesSomething());
    }

    @Test
    void yumUsesDnfWhereOnlyDnfIsThere() {
        RecordedHost host = new RecordedHost().answer(PROBE, "manager dnf\nspec ipvsadm\n");
        assertEquals(List.of("dnf -y -q install -- ipvsadm"),
                host.apply(host.plan(DnfModule.yum(), args("name", "ipvsadm"))));
        RecordedHost centos7 = new RecordedHost().answer(PROBE, "manager yum\nspec ipvsadm\n");
        assertEquals(List.of("yum -y -q install -- ipvsadm"),
                centos7.apply(centos7.plan(DnfModule.yum(), args("name", "ipvsadm"))));
    }

    @Test
    void aDebianHostIsAClearFailure() {
        RecordedHost debian = new RecordedHost().answer(PROBE, "");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> debian.plan(dnf, args("name", "nginx")));
        assertTrue(e.getMessage().startsWith("dnf is not available on recorded"), e.getMessage());
        assertThrows(ModuleFailure.class, () -> new RecordedHost().answer(PROBE, "manager yum\nspec x\n")
                .plan(dnf, args("name", "x")), "dnf insists on dnf");
    }

    @Test
    void whatLvsplayDoesNotImplementIsRefusedAtLoadTime() {
        List<String> problems = dnf.argSpec().validate(
                java.util.Map.of("name", "nginx", "enablerepo", "epel"), Set.of());
        assertTrue(problems.stream().anyMatch(p -> p.contains("enablerepo")), problems.toString());
        assertThrows(ModuleFailure.class, () -> rocky("").plan(dnf, args("name", "@Development Tools")));
    }
}
