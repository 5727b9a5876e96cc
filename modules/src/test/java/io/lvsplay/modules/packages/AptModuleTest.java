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

/** apt's plans from recorded dpkg-query and apt-get -s output (Debian 12). */
class AptModuleTest {
    private static final String PROBE_PREFIX = "command -v apt-get";
    private final AptModule apt = new AptModule();

    private static RecordedHost debian(String dpkgRows, long cacheAge) {
        return new RecordedHost().answer(PROBE_PREFIX, "has-apt\n" + dpkgRows
                + "cache " + (1_700_000_000L - cacheAge) + "\nnow 1700000000\n");
    }

    @Test
    void anInstalledPackageNeedsNothing() {
        RecordedHost host = debian("pkg ii |wrk|4.1.0-3+b2|amd64\n", 10);
        assertFalse(host.plan(apt, args("name", "wrk")).changesSomething());
    }

    @Test
    void aMissingPackageIsInstalledWithApsSimulationAsTheDiff() {
        RecordedHost host = debian("", 10).answer("apt-get -s -q", "Inst hello (2.10-3 Debian:12.15/oldstable [amd64])\n"
                + "Conf hello (2.10-3 Debian:12.15/oldstable [amd64])\n");
        Plan plan = host.plan(apt, args("name", List.of("hello"), "install_recommends", false));
        assertEquals("install hello", plan.changes().get(0).description());
        assertEquals("Inst hello 2.10-3\n", plan.changes().get(0).diff().after());
        List<String> ran = host.apply(plan);
        assertEquals(List.of(AptModule.APT_GET + " -o APT::Install-Recommends=no install -- hello"), ran);
    }

    @Test
    void anUnknownPackageFailsWhilePlanningAsAnsibleSays() {
        RecordedHost host = debian("", 10).answer("apt-get -s -q", 100, "");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(apt, args("name", "nosuchpkg")));
        assertTrue(e.getMessage().startsWith("apt-get cannot install") || e.getMessage().startsWith("No package"),
                e.getMessage());
    }

    @Test
    void aVersionGlobIsComparedWithTheInstalledVersion() {
        RecordedHost host = debian("pkg ii |wrk|4.1.0-3+b2|amd64\n", 10);
        assertFalse(host.plan(apt, args("name", "wrk=4.1*")).changesSomething());
        RecordedHost other = debian("pkg ii |wrk|4.1.0-3+b2|amd64\n", 10).answer("apt-get -s", "Inst wrk [4.1.0-3+b2] (4.0 x)\n");
        assertEquals("install wrk=4.0", other.plan(apt, args("name", "wrk=4.0")).changes().get(0).description());
    }

    @Test
    void latestUpgradesOnlyWhatAptWouldUpgrade() {
        RecordedHost host = debian("pkg ii |appstream|0.16.1-2|amd64\npkg ii |wrk|4.1.0-3+b2|amd64\n", 10)
                .answer("apt-get -s -q", "Inst libappstream4 [0.16.1-2] (0.16.1-2+b1 Debian:12.15/oldstable [amd64])\n"
                        + "Inst appstream [0.16.1-2] (0.16.1-2+b1 Debian:12.15/oldstable [amd64])\n");
        Plan plan = host.plan(apt, args("name", List.of("appstream", "wrk"), "state", "latest"));
        assertEquals("install appstream", plan.changes().get(0).description());
    }

    @Test
    void absentRemovesInstalledPackagesAndPurgeAlsoConfigFiles() {
        RecordedHost host = debian("pkg ii |wrk|4.1.0-3+b2|amd64\npkg rc |old|1.0|amd64\n", 10);
        assertEquals(List.of(AptModule.APT_GET + " remove -- wrk"),
                host.apply(host.plan(apt, args("name", "wrk,old", "state", "absent"))));
        RecordedHost purging = debian("pkg rc |old|1.0|amd64\n", 10);
        assertEquals(List.of(AptModule.APT_GET + " --purge --auto-remove remove -- old"), purging.apply(
                purging.plan(apt, args("name", "old", "state", "absent", "purge", true, "autoremove", true))));
    }

    @Test
    void theCacheIsRefreshedWhenOlderThanCacheValidTimeAndSomethingIsInstalled() {
        RecordedHost host = debian("", 7200).answer("apt-get -s -q", "Inst hello (2.10-3 x)\n");
        Plan plan = host.plan(apt, args("name", "hello", "update_cache", true, "cache_valid_time", 3600));
        assertEquals(List.of("update the apt package lists", "install hello"),
                plan.changes().stream().map(c -> c.description()).toList());
        assertEquals(true, plan.result().get("cache_updated"));
    }

    @Test
    void aFreshCacheIsLeftAlone() {
        RecordedHost host = debian("", 60);
        assertFalse(host.plan(apt, args("update_cache", true, "cache_valid_time", 3600)).changesSomething());
        assertTrue(debian("", 60).plan(apt, args("update_cache", true)).changesSomething(),
                "cache_valid_time 0: always refreshed, as Ansible does");
    }

    @Test
    void aDebFileIsInstalledUnlessThatVersionIsInstalled() {
        RecordedHost same = debian("pkg ii |demo|1.0|all\n", 10).answer("dpkg-deb -W", "demo\n1.0\n");
        assertFalse(same.plan(apt, args("deb", "/tmp/demo.deb")).changesSomething());
        RecordedHost older = debian("pkg ii |demo|0.9|all\n", 10).answer("dpkg-deb -W", "demo\n1.0\n")
                .answer("apt-get -s", "Inst demo [0.9] (1.0 local-deb [all])\n");
        assertEquals(List.of(AptModule.APT_GET + " install -- /tmp/demo.deb"),
                older.apply(older.plan(apt, args("deb", "/tmp/demo.deb"))));
    }

    @Test
    void autoremoveAloneRunsOnlyWhenAptWouldRemoveSomething() {
        assertFalse(debian("", 10).answer("apt-get -s", "0 upgraded, 0 newly installed, 0 to remove\n")
                .plan(apt, args("autoremove", true)).changesSomething());
        assertTrue(debian("", 10).answer("apt-get -s", "Remv libfoo1 [1.0]\n")
                .plan(apt, args("autoremove", true)).changesSomething());
    }

    @Test
    void aHostWithoutAptGetIsAClearFailure() {
        RecordedHost rhel = new RecordedHost().answer(PROBE_PREFIX, "cache \nnow 1700000000\n");
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> rhel.plan(apt, args("name", "nginx")));
        assertTrue(e.getMessage().contains("apt-get is not on recorded"), e.getMessage());
    }

    @Test
    void argumentsLvsplayDoesNotImplementAreRefusedByName() {
        List<String> problems = apt.argSpec().validate(args("name", "x", "upgrade", "dist"), Set.of());
        assertTrue(problems.toString().contains("upgrade"), problems.toString());
        assertFalse(apt.argSpec().validate(args("name", "x", "default_release", "sid"), Set.of()).isEmpty());
    }

    @Test
    void checkModeNeverRunsAnInstall() {
        RecordedHost host = debian("", 10).answer("apt-get -s -q", "Inst hello (2.10-3 x)\n").checkMode(true);
        host.plan(apt, args("name", "hello"));
        assertTrue(host.commands().stream().noneMatch(c -> c.contains(" install -- ") && !c.contains(" -s ")),
                host.commands().toString());
    }
}
