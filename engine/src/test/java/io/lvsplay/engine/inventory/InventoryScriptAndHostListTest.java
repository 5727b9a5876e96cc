package io.lvsplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executable inventories, advanced host lists, /dev/null, and values Ansible would only trip over later. */
class InventoryScriptAndHostListTest {
    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path p = Files.writeString(dir.resolve("inv.sh"), "#!/bin/sh\n" + body);
        p.toFile().setExecutable(true);
        return p;
    }

    @Test
    void scriptListGivesGroupsChildrenVarsAndMetaHostvars() throws IOException {
        Path p = script("[ \"$1\" = --list ] && cat <<'J'\n{\"web\": {\"hosts\": [\"s1\", \"s2\"], \"vars\": {\"v\": 1},"
                + " \"children\": [\"db\"]}, \"db\": [\"d1\"], \"_meta\": {\"hostvars\": {\"s1\": {\"ansible_host\": \"fe80::1\"}}}}\nJ\n");
        Inventory inventory = InventoryLoader.load(List.of(p.toString()));
        assertEquals(List.of("s1", "s2", "d1"), inventory.select("web"));
        assertEquals("fe80::1", inventory.varsOf("s1").get("ansible_host"));
        assertEquals(1, inventory.varsOf("d1").get("v"));
    }

    @Test
    void scriptWithoutMetaIsAskedForEachHost() throws IOException {
        Path p = script("case \"$1\" in --list) echo '{\"web\": [\"a\", \"b\"]}';; --host) echo \"{\\\"me\\\": \\\"$2\\\"}\";; esac\n");
        Inventory inventory = InventoryLoader.load(List.of(p.toString()));
        assertEquals("b", inventory.varsOf("b").get("me"));
    }

    @Test
    void aFailingScriptIsAnErrorWithItsStderr() throws IOException {
        Path p = script("echo broken >&2; exit 3\n");
        InventoryError e = assertThrows(InventoryError.class, () -> InventoryLoader.load(List.of(p.toString())));
        assertTrue(e.getMessage().contains("exit code 3") && e.getMessage().contains("broken"), e.getMessage());
    }

    @Test
    void anExecutableIniFileIsStillIni() throws IOException {
        Path p = Files.writeString(dir.resolve("hosts"), "[web]\nw1\n");
        p.toFile().setExecutable(true);
        assertEquals(List.of("w1"), InventoryLoader.load(List.of(p.toString())).select("web"));
    }

    @Test
    void hostListExpandsRanges() {
        assertEquals(List.of("web1", "web2", "web3", "db"), InventoryLoader.load(List.of("web[1:3],db,")).hostNames());
    }

    @Test
    void reversedRangeIsAnError() {
        InventoryError e = assertThrows(InventoryError.class, () -> InventoryLoader.load(List.of("web[05:01],")));
        assertTrue(e.getMessage().contains("reversed"), e.getMessage());
    }

    @Test
    void reversedRangeInAnIniFileNamesTheLine() throws IOException {
        Path p = Files.writeString(dir.resolve("hosts.ini"), "[web]\nok1\nweb[5:1]\n");
        InventoryError e = assertThrows(InventoryError.class, () -> InventoryLoader.load(List.of(p.toString())));
        assertTrue(e.getMessage().contains("hosts.ini:3") && e.getMessage().contains("reversed"), e.getMessage());
    }

    @Test
    void devNullIsAnEmptyInventory() {
        assertEquals(List.of(), InventoryLoader.load(List.of("/dev/null")).hostNames());
    }

    @Test
    void aPortThatIsNoNumberIsRefusedAtLoadWithFileAndLine() throws IOException {
        Path p = Files.writeString(dir.resolve("hosts.ini"), "[web]\nw1 ansible_port=x\n");
        InventoryError e = assertThrows(InventoryError.class, () -> InventoryLoader.load(List.of(p.toString())));
        assertTrue(e.getMessage().contains("hosts.ini:2") && e.getMessage().contains("ansible_port is 'x'"), e.getMessage());
        Path ok = Files.writeString(dir.resolve("ok.ini"), "[web]\nw1 ansible_port=\"{{ p }}\"\nw2 ansible_port=2222\n");
        assertEquals(2222, InventoryLoader.load(List.of(ok.toString())).varsOf("w2").get("ansible_port"));
    }

    @Test
    void ipv6AnsibleHostIsKeptAsWritten() throws IOException {
        Path p = Files.writeString(dir.resolve("hosts.ini"), "[web]\nw1 ansible_host=2001:db8::10\n");
        assertEquals("2001:db8::10", InventoryLoader.load(List.of(p.toString())).varsOf("w1").get("ansible_host"));
    }
}
