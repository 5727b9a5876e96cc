package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file side runs for real on a temp sysctl_file; the live kernel is only ever read. */
class SysctlModuleTest {
    @TempDir
    Path dir;

    private final SysctlModule sysctl = new SysctlModule();
    private final TestHost host = new TestHost(Path.of("/nonexistent"));

    private Map<String, Object> fileOnly(Path file, Object... more) {
        Map<String, Object> a = args(more);
        a.put("sysctl_file", file.toString());
        a.put("reload", false);
        a.put("sysctl_set", false);
        return a;
    }

    @Test
    void duplicateLinesForTheKeyEndAsExactlyOne() {
        Path f = dir.resolve("sysctl.conf");
        write(f, "# lvs\nnet.ipv4.ip_forward = 0\nvm.swappiness=10\nnet.ipv4.ip_forward=0\n");
        Map<String, Object> a = fileOnly(f, "name", "net.ipv4.ip_forward", "value", "1");
        host.run(sysctl, a);
        assertEquals("# lvs\nnet.ipv4.ip_forward = 1\nvm.swappiness=10\n", read(f));
        assertFalse(host.plan(sysctl, a).changesSomething());
    }

    @Test
    void aMissingKeyIsAppendedOnceAndAMissingFileIsCreated() {
        Path f = dir.resolve("99-lvs.conf");
        Map<String, Object> a = fileOnly(f, "name", "net.ipv4.conf.all.arp_ignore", "value", 1);
        Plan plan = host.plan(sysctl, a);
        assertEquals(Diff.of(f.toString(), "", "net.ipv4.conf.all.arp_ignore=1\n"), plan.changes().get(0).diff());
        host.apply(plan);
        host.run(sysctl, a);
        assertEquals("net.ipv4.conf.all.arp_ignore=1\n", read(f));
    }

    @Test
    void valuesCompareWithNormalisedWhitespace() {
        Path f = dir.resolve("s.conf");
        write(f, "net.ipv4.ip_local_port_range = 1024\t65000\n");
        assertFalse(host.plan(sysctl, fileOnly(f, "name", "net.ipv4.ip_local_port_range", "value", "1024  65000"))
                .changesSomething());
    }

    @Test
    void booleanValuesAreWrittenAsOneAndZero() {
        Path f = dir.resolve("s.conf");
        host.run(sysctl, fileOnly(f, "name", "net.ipv4.ip_forward", "value", "yes"));
        assertEquals("net.ipv4.ip_forward=1\n", read(f));
    }

    @Test
    void keysWithSlashesAreMatchedLiterally() {
        Path f = dir.resolve("s.conf");
        write(f, "net/ipv4/conf/eth0.100/rp_filter=1\n");
        host.run(sysctl, fileOnly(f, "name", "net/ipv4/conf/eth0.100/rp_filter", "value", "2"));
        assertEquals("net/ipv4/conf/eth0.100/rp_filter=2\n", read(f));
    }

    @Test
    void absentRemovesEveryLineOfTheKey() {
        Path f = dir.resolve("s.conf");
        write(f, "a.b=1\nc.d=2\na.b = 3\n");
        host.run(sysctl, fileOnly(f, "name", "a.b", "state", "absent"));
        assertEquals("c.d=2\n", read(f));
    }

    @Test
    void reloadIsPlannedOnlyWhenTheFileChanges() {
        Path f = dir.resolve("s.conf");
        write(f, "a.b=1\n");
        Map<String, Object> a = fileOnly(f, "name", "a.b", "value", "2");
        a.put("reload", true);
        Plan plan = host.plan(sysctl, a);
        assertEquals("reload " + f, plan.changes().get(1).description());
        a.put("value", "1");
        assertFalse(host.plan(sysctl, a).changesSomething());
    }

    @Test
    void sysctlSetPlansALiveWriteOnlyWhenTheRunningValueDiffers() {
        Path f = dir.resolve("s.conf");
        write(f, "kernel.ostype=Linux\n");
        Map<String, Object> same = fileOnly(f, "name", "kernel.ostype", "value", "Linux");
        same.put("sysctl_set", true);
        assertFalse(host.plan(sysctl, same).changesSomething());

        Map<String, Object> other = fileOnly(f, "name", "kernel.ostype", "value", "Linux");
        other.put("sysctl_set", true);
        other.put("sysctl_file", dir.resolve("empty.conf").toString());
        other.put("value", "Other");
        Plan plan = host.plan(sysctl, other);
        Change live = plan.changes().get(plan.changes().size() - 1);
        assertEquals(Diff.of("sysctl kernel.ostype (running kernel)", "Linux\n", "Other\n"), live.diff());
    }

    @Test
    void anUnknownKeyWithSysctlSetFailsUnlessErrorsAreIgnored() {
        Map<String, Object> a = fileOnly(dir.resolve("s.conf"), "name", "no.such.key_lvsplay", "value", "1");
        a.put("sysctl_set", true);
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(sysctl, a));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        a.put("ignoreerrors", true);
        assertEquals(1, host.plan(sysctl, a).changes().size());
    }

    @Test
    void aBlankNameOrAMissingValueFailsWithAnsiblesMessages() {
        Path f = dir.resolve("sysctl.conf");
        assertEquals("name cannot be blank", assertThrows(ModuleFailure.class,
                () -> host.plan(sysctl, fileOnly(f, "name", " ", "value", 1))).getMessage());
        assertEquals("value cannot be None", assertThrows(ModuleFailure.class,
                () -> host.plan(sysctl, fileOnly(f, "name", "Foo"))).getMessage());
    }
}
