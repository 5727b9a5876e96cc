package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static io.lvsplay.modules.TestHost.read;
import static io.lvsplay.modules.TestHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.system.KnownHostsModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts with this machine's ssh-keygen: add, replace the same key type in place, hash, remove. */
class KnownHostsModuleTest {
    private static final String ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA1ZPkF6yu7QfTRBKkVJknICbT+bOulMhAOMNSmYRimD";
    private static final String ED2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq9hMaQGXDRWc1PoR1pKdSgn4F1XUdVbKHcFu0UHfs7";
    @TempDir
    Path dir;
    private final KnownHostsModule knownHosts = new KnownHostsModule();

    @Test
    void aKeyIsAppendedOnceAndADifferentOneOfTheSameTypeReplacesItInPlace() {
        Path file = dir.resolve("known_hosts");
        write(file, "other.example " + ED + "\n");
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("name", "LB1.example", "key", "lb1.example " + ED, "path", file.toString());
        host.run(knownHosts, args);
        assertEquals("other.example " + ED + "\nlb1.example " + ED + "\n", read(file));
        assertFalse(host.plan(knownHosts, args).changesSomething());
        write(file, "lb1.example " + ED + "\nother.example " + ED + "\n");
        Plan replace = host.plan(knownHosts, args("name", "lb1.example", "key", "lb1.example " + ED2, "path", file.toString()));
        assertTrue(replace.changes().get(0).diff().after().endsWith("other.example " + ED + "\nlb1.example " + ED2 + "\n"));
        host.apply(replace);
        assertEquals("other.example " + ED + "\nlb1.example " + ED2 + "\n", read(file));
    }

    @Test
    void aHashedEntryStaysTheSameOnTheSecondRun() {
        Path file = dir.resolve("kh");
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("name", "lb1.example", "key", "lb1.example " + ED, "path", file.toString(), "hash_host", true);
        host.run(knownHosts, args);
        String text = read(file);
        assertTrue(text.startsWith("|1|") && text.endsWith(" " + ED + "\n"), text);
        assertFalse(host.plan(knownHosts, args).changesSomething());
    }

    @Test
    void absentWithoutAKeyRemovesEveryEntryOfTheHost() throws Exception {
        Path file = dir.resolve("kh");
        write(file, "lb1.example " + ED + "\nother.example " + ED + "\n");
        TestHost host = new TestHost(dir);
        Map<String, Object> args = args("name", "lb1.example", "path", file.toString(), "state", "absent");
        host.run(knownHosts, args);
        assertEquals("other.example " + ED + "\n", Files.readString(file));
        assertFalse(host.plan(knownHosts, args).changesSomething());
    }

    @Test
    void aKeyForAnotherHashedNameIsRefused() {
        TestHost host = new TestHost(dir);
        String hashedForOther = "|1|c2FsdHNhbHRzYWx0c2FsdHNhbHQ=|AAAAAAAAAAAAAAAAAAAAAAAAAAA= " + ED;
        ModuleFailure e = assertThrows(ModuleFailure.class, () -> host.plan(knownHosts,
                args("name", "lb1.example", "key", hashedForOther, "path", dir + "/kh")));
        assertEquals("Host parameter does not match hashed host field in supplied key", e.getMessage());
        assertEquals("No key specified when adding a host", assertThrows(ModuleFailure.class,
                () -> host.plan(knownHosts, args("name", "x", "path", dir + "/kh"))).getMessage());
    }
}
