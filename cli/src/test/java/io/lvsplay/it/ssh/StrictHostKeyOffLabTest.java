package io.lvsplay.it.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LabInventory;
import io.lvsplay.it.LabTestNetwork;
import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 15 item 9: {@code -o StrictHostKeyChecking=no} in ansible_ssh_common_args with a changed host
 * key does what OpenSSH does (and README says): the connection goes on with a loud warning, and
 * password authentication to that host is refused, so a spoofed host never receives a password.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class StrictHostKeyOffLabTest {
    private static final String PASSWORD = "OpsUserPw-4c1e";
    private static final String PLAY = "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: id -un\n";

    private static LabTestNetwork network;
    private static LabHostContainer rs1;
    private static Path work;
    private static String keyVar;

    @BeforeAll
    static void startHost() throws Exception {
        LabFixture.ensureImage();
        work = Files.createTempDirectory("lvsplay-hostkey");
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-hostkey"));
        network = LabTestNetwork.create("it-hostkey", "10.246.2.0/24");
        rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        rs1.start();
        Path inventory = access.write(Map.of("realservers", List.of(rs1)));
        keyVar = Files.readAllLines(inventory).stream().filter(l -> l.startsWith("ansible_ssh_private_key_file="))
                .findFirst().orElseThrow();
        // opsuser logs in with a password only (no key); sshd re-reads its config on SIGHUP
        rs1.exec("useradd -m -s /bin/sh opsuser && echo 'opsuser:" + PASSWORD + "' | chpasswd"
                + " && echo 'PasswordAuthentication yes' > /etc/ssh/sshd_config.d/00-password.conf"
                + " && kill -HUP 1");
        Thread.sleep(1000);
    }

    @AfterAll
    static void stopHost() {
        LabFixture.stopAll(network, rs1);
    }

    private static LvsplayRun.Result run(String name, String knownHosts, String strict, String login) throws Exception {
        Path inv = work.resolve(name + ".ini");
        Files.writeString(inv, "rs1 ansible_host=" + rs1.ipAddress() + " " + login + " ansible_ssh_common_args='-o UserKnownHostsFile="
                + knownHosts + " -o StrictHostKeyChecking=" + strict + "'\n");
        Path play = work.resolve("play.yml");
        Files.writeString(play, PLAY);
        return LvsplayRun.run("run", "-i", inv.toString(), play.toString());
    }

    private static String changedKnownHosts() throws Exception {
        Path other = work.resolve("other_host_key");
        Files.deleteIfExists(other);
        Files.deleteIfExists(Path.of(other + ".pub"));
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString())
                .inheritIO().start();
        assertEquals(0, keygen.waitFor());
        String pub = Files.readString(Path.of(other + ".pub")).strip().split(" ", 3)[1];
        Path file = work.resolve("changed_known_hosts");
        Files.writeString(file, rs1.ipAddress() + " ssh-ed25519 " + pub + "\n");
        return file.toString();
    }

    @Test
    void aChangedKeyIsAcceptedLoudlyForKeysAndRefusedForPasswords() throws Exception {
        Path goodKnownHosts = work.resolve("known_hosts");
        Files.writeString(goodKnownHosts, rs1.ipAddress() + " " + rs1.hostKey() + "\n");
        String password = "ansible_user=opsuser ansible_password=" + PASSWORD;
        String rootKey = "ansible_user=root " + keyVar;

        // the password works while the key is the known one
        LvsplayRun.Result known = run("known", goodKnownHosts.toString(), "no", password);
        assertEquals(0, known.exitCode(), known.output());
        assertTrue(known.stdout().contains("changed: [rs1]"), known.stdout());

        String changed = changedKnownHosts();
        String before = Files.readString(Path.of(changed));
        LvsplayRun.Result keyAuth = run("key", changed, "no", rootKey);
        assertEquals(0, keyAuth.exitCode(), keyAuth.output());
        assertTrue(keyAuth.stderr().contains("[WARNING]: rs1: REMOTE HOST IDENTIFICATION HAS CHANGED"), keyAuth.stderr());
        assertEquals(before, Files.readString(Path.of(changed)), "a changed key is not written over the known one");

        LvsplayRun.Result passwordAuth = run("password", changed, "no", password);
        assertEquals(4, passwordAuth.exitCode(), passwordAuth.output());
        assertTrue(passwordAuth.stdout().contains("fatal: [rs1]: UNREACHABLE!"), passwordAuth.stdout());
        assertTrue(passwordAuth.output().contains("password authentication is disabled because the host key changed"),
                passwordAuth.output());

        LvsplayRun.Result strict = run("strict", changed, "yes", rootKey);
        assertEquals(4, strict.exitCode(), strict.output());
        assertTrue(strict.output().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), strict.output());
    }
}
