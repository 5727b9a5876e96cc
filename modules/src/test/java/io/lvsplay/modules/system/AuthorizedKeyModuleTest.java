package io.lvsplay.modules.system;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** authorized_key's edits of a recorded authorized_keys file. */
class AuthorizedKeyModuleTest {
    private static final String A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAaaaa admin@lab";
    private static final String B = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABbbbb ops@lab";
    private final AuthorizedKeyModule module = new AuthorizedKeyModule();

    private static RecordedHost host(String keys) {
        RecordedHost h = new RecordedHost().answer("getent passwd", "app:x:1000:1000::/home/app:/bin/sh\n")
                .answer("id -gn", "app\n").file("/home/app/.ssh", "");
        return keys == null ? h : h.file("/home/app/.ssh/authorized_keys", keys);
    }

    @Test
    void aNewKeyIsAppendedAndThenFound() {
        RecordedHost h = host("# keep me\n" + B + "\n");
        h.apply(h.plan(module, args("user", "app", "key", A)));
        assertEquals("# keep me\n" + B + "\n" + A + "\n", h.fileText("/home/app/.ssh/authorized_keys"));
        // the recorded file is root's 0644: only its attributes (0600, app) are left to change
        assertEquals(List.of("set attributes of /home/app/.ssh/authorized_keys"), host(B + "\n" + A + "\n")
                .plan(module, args("user", "app", "key", A)).changes().stream().map(c -> c.description()).toList());
    }

    @Test
    void keyOptionsReplaceTheLineOfTheSameKey() {
        RecordedHost h = host(A + "\n");
        h.apply(h.plan(module, args("user", "app", "key", A, "key_options", "from=\"10.250.6.0/24\"")));
        assertEquals("from=\"10.250.6.0/24\" " + A + "\n", h.fileText("/home/app/.ssh/authorized_keys"));
    }

    @Test
    void exclusiveAndAbsentRemoveKeys() {
        RecordedHost h = host(A + "\n" + B + "\n");
        h.apply(h.plan(module, args("user", "app", "key", B, "exclusive", true)));
        assertEquals(B + "\n", h.fileText("/home/app/.ssh/authorized_keys"));
        h.apply(h.plan(module, args("user", "app", "key", B, "state", "absent")));
        assertEquals("", h.fileText("/home/app/.ssh/authorized_keys"));
    }

    @Test
    void urlsAndUnknownUsersAreClearFailures() {
        assertThrows(ModuleFailure.class, () -> host(null).plan(module, args("user", "app", "key", "https://github.com/x.keys")));
        assertThrows(ModuleFailure.class, () -> new RecordedHost().plan(module, args("user", "nobody2", "key", A)));
    }
}
