package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mount: fstab edits as ansible.posix.mount makes them, and the commands for each state. */
class MountModuleTest {
    private static final String FSTAB = "# static\nUUID=1 / ext4 errors=remount-ro 0 1\n/dev/sdb1 /srv/data ext4 defaults 0 2\n";
    private final MountModule mount = new MountModule();

    @Test
    void presentAppendsAnEscapedLineOnceAndReplacesDifferingFields() {
        RecordedHost host = new RecordedHost().file("/etc/fstab", FSTAB).answer("mountinfo", 1, "");
        host.apply(host.plan(mount, args("path", "/srv/my web", "src", "tmpfs", "fstype", "tmpfs", "opts", "size=8m", "state", "present")));
        assertEquals(FSTAB + "tmpfs /srv/my\\040web tmpfs size=8m 0 0\n", host.fileText("/etc/fstab"));
        assertFalse(host.plan(mount, args("path", "/srv/my web", "src", "tmpfs", "fstype", "tmpfs", "opts", "size=8m", "state", "present"))
                .changesSomething());
        host.apply(host.plan(mount, args("path", "/srv/data", "src", "/dev/sdb1", "fstype", "xfs", "state", "present")));
        assertEquals("# static\nUUID=1 / ext4 errors=remount-ro 0 1\n/dev/sdb1 /srv/data xfs defaults 0 0\n"
                + "tmpfs /srv/my\\040web tmpfs size=8m 0 0\n", host.fileText("/etc/fstab"), "replaced in place");
    }

    @Test
    void mountedWritesFstabThenMountsAndMakesTheDirectory() {
        RecordedHost host = new RecordedHost().file("/etc/fstab", FSTAB).answer("mountinfo", 1, "");
        Plan plan = host.plan(mount, args("path", "/mnt/t", "src", "tmpfs", "fstype", "tmpfs", "state", "mounted", "boot", false));
        List<String> commands = host.apply(plan);
        assertTrue(host.fileText("/etc/fstab").endsWith("tmpfs /mnt/t tmpfs defaults 0 0\n"), "boot: no with defaults keeps the opts");
        assertTrue(commands.get(commands.size() - 1).startsWith("mkdir -p -- /mnt/t || exit $?; if ! out=$(mount /mnt/t 2>&1)"),
                commands.toString());
        assertEquals(List.of("Ignore the 'boot' due to 'opts' contains 'defaults'."), plan.result().get("warnings"));
    }

    @Test
    void aMountedPathWithItsLineIsLeftAloneAndUnmountedUnmounts() {
        RecordedHost host = new RecordedHost().file("/etc/fstab", FSTAB).answer("mountinfo", 0, "");
        assertFalse(host.plan(mount, args("path", "/srv/data", "src", "/dev/sdb1", "fstype", "ext4", "opts", "defaults",
                "passno", "2", "state", "mounted")).changesSomething());
        assertEquals(List.of("umount /srv/data"), host.apply(host.plan(mount, args("path", "/srv/data", "state", "unmounted"))));
    }

    @Test
    void absentRemovesTheLineUnmountsAndRemovesTheDirectory() {
        RecordedHost host = new RecordedHost().file("/etc/fstab", FSTAB).answer("mountinfo", 0, "");
        List<String> commands = host.apply(host.plan(mount, args("path", "/srv/data", "state", "absent")));
        assertEquals("# static\nUUID=1 / ext4 errors=remount-ro 0 1\n", host.fileText("/etc/fstab"));
        assertTrue(commands.get(commands.size() - 1).startsWith("umount /srv/data || exit $?; "), commands.toString());
        RecordedHost again = new RecordedHost().file("/etc/fstab", "# static\n").answer("mountinfo", 1, "");
        assertFalse(again.plan(mount, args("path", "/srv/data", "state", "absent")).changesSomething());
    }

    @Test
    void anotherFstabIsPassedToMount() {
        RecordedHost host = new RecordedHost().file("/tmp/fstab", "").answer("mountinfo", 1, "");
        List<String> commands = host.apply(host.plan(mount, args("path", "/mnt/t", "src", "tmpfs", "fstype", "tmpfs",
                "state", "mounted", "fstab", "/tmp/fstab")));
        assertTrue(commands.get(commands.size() - 1).contains("mount -T /tmp/fstab /mnt/t"), commands.toString());
    }
}
