package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LvsplayRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 3 of issue 12: every kind of bad LVS value stops site.yml from the inventory alone, naming the
 * variable, the host, and where it is set (inventory file:line, a group_vars file, -e). Every host's
 * ansible_port is a socket this test listens on, so "no host was contacted" is counted, not assumed:
 * an ssh connection to any host would be accepted there.
 */
class LvsValidationTest {
    static final Path SITE = Repo.root().resolve("playbooks/site.yml");

    @TempDir
    Path dir;
    ServerSocket sshTrap;
    final AtomicInteger contacted = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        sshTrap = new ServerSocket(0);
        Thread accept = new Thread(() -> {
            while (!sshTrap.isClosed()) {
                try (Socket s = sshTrap.accept()) {
                    contacted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void close() throws IOException {
        sshTrap.close();
    }

    String inventory(String directorExtra, String rs1Extra, String rs2Extra, String allVars) {
        String host = " ansible_host=127.0.0.1 ansible_port=" + sshTrap.getLocalPort();
        return "[directors]\n"
                + "director1" + host.replace("127.0.0.1", "127.0.0.2") + directorExtra + "\n"
                + "director2" + host.replace("127.0.0.1", "127.0.0.3") + "\n"
                + "[realservers]\n"
                + "rs1" + host + " rs_weight=3" + rs1Extra + "\n"
                + "rs2" + host + rs2Extra + "\n"
                + "[clients]\n"
                + "client" + host + "\n"
                + "[all:vars]\n"
                + "ansible_user=root\n"
                + "lvs_mode=dr\n"
                + "vip=10.10.10.100\n"
                + "lvs_scheduler=wrr\n"
                + allVars;
    }

    /** Runs site.yml and checks exit 2, the message, and that no host was contacted. */
    void assertRefused(String inventoryText, String expected, String... more) throws IOException {
        Path inv = dir.resolve("hosts.ini");
        Files.writeString(inv, inventoryText);
        List<String> args = new ArrayList<>(List.of("run", "-i", inv.toString(), SITE.toString()));
        args.addAll(List.of(more));
        LvsplayRun.Result r = LvsplayRun.run(args.toArray(String[]::new));
        String message = expected.replace("INV", inv.toString()).replace("DIR", dir.toString());
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains(message), "no '" + message + "' in:\n" + r.output());
        assertFalse(r.output().contains("Gathering Facts"), r.output());
        assertEquals(0, contacted.get(), "a host was contacted:\n" + r.output());
    }

    static int line(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    @Test
    void aWeightAbove65535NamesTheHostAndItsInventoryLine() throws IOException {
        String text = inventory("", " rs_weight=70000", "", "");
        assertRefused(text, "host rs1: rs_weight must be a whole number 0-65535, got '70000' (set in INV:" + line(text, "rs1 ") + ")");
    }

    @Test
    void aNegativeWeightIsRefused() throws IOException {
        String text = inventory("", "", " rs_weight=-1", "");
        assertRefused(text, "host rs2: rs_weight must be a whole number 0-65535, got '-1' (set in INV:" + line(text, "rs2 ") + ")");
    }

    @Test
    void aVirtualPortOutside1To65535NamesTheGroupVarsLine() throws IOException {
        String text = inventory("", "", "", "vip_port=65536\n");
        assertRefused(text, "vip_port must be a port 1-65535, got '65536' (set in INV:" + line(text, "vip_port") + ")");
    }

    @Test
    void aRealServerPortOfZeroIsRefused() throws IOException {
        String text = inventory("", "", " rs_port=0", "");
        assertRefused(text, "host rs2: rs_port must be a port 1-65535, got '0' (set in INV:" + line(text, "rs2 ") + ")");
    }

    @Test
    void aNegativePersistenceFromTheCommandLineSaysDashE() throws IOException {
        assertRefused(inventory("", "", "", ""), "lvs_persistence must be a whole number of seconds (0 = none), got '-1' (set in -e)",
                "-e", "lvs_persistence=-1");
    }

    @Test
    void aVipThatIsNoAddressNamesTheGroupVarsFile() throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), "vip: 10.10.10.300\n");
        assertRefused(inventory("", "", "", ""), "vip must be an IPv4 address, got '10.10.10.300' (set in DIR/group_vars/all.yml)");
    }

    @Test
    void aRealServerAddressThatIsNoIpv4AddressIsRefused() throws IOException {
        String text = inventory("", "", "", "").replace("rs2 ansible_host=127.0.0.1", "rs2 ansible_host=rs2.example");
        assertRefused(text, "host rs2 (group realservers): its address ansible_host='rs2.example' must be an IPv4 address: "
                + "the IPVS rules name real servers by address (set in INV:" + line(text, "rs2 ") + ")");
    }

    @Test
    void anUnknownSchedulerIsRefused() throws IOException {
        String text = inventory("", "", "", "").replace("lvs_scheduler=wrr", "lvs_scheduler=fastest");
        assertRefused(text, "lvs_scheduler: unknown scheduler 'fastest' (ipvsadm knows rr, wrr, lc, wlc, sed, nq, sh, dh, mh, lblc, "
                + "lblcr, fo, ovf) (set in INV:" + line(text, "lvs_scheduler") + ")");
    }

    @Test
    void anUnknownModeIsRefused() throws IOException {
        String text = inventory("", "", "", "").replace("lvs_mode=dr", "lvs_mode=dsr");
        assertRefused(text, "lvs_mode must be dr, nat, tun or fullnat, got 'dsr' (set in INV:" + line(text, "lvs_mode") + ")");
    }

    @Test
    void anUnknownProtocolIsRefused() throws IOException {
        String text = inventory("", "", "", "lvs_protocol=sctp\n");
        assertRefused(text, "lvs_protocol must be tcp or udp, got 'sctp' (set in INV:" + line(text, "lvs_protocol") + ")");
    }

    @Test
    void aBadPortInTheFullFormNamesTheEntryAndTheFile() throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), "lvs_virtual_services:\n  - vip: 10.10.10.100\n    port: 0\n"
                + "    real_servers: [rs1, rs2]\n");
        assertRefused(inventory("", "", "", ""), "lvs_virtual_services[0].port must be a port 1-65535, got '0' (set in DIR/group_vars/all.yml)");
    }

    @Test
    void anHaPriorityOutOfRangeNamesTheDirectorAndItsLine() throws IOException {
        String text = inventory(" keepalived_priority=300", "", "", "lvs_ha=true\nkeepalived_auth_pass=s3cr3tHA\n");
        assertRefused(text, "director director1: keepalived_priority must be 1-254, got '300' (set in INV:" + line(text, "director1 ") + ")");
    }

    @Test
    void anHaPasswordLongerThan8IsRefusedWithoutPrintingIt() throws IOException {
        String text = inventory("", "", "", "lvs_ha=true\nkeepalived_auth_pass=muchTooLongSecret\n");
        assertRefused(text, "director director1: keepalived_auth_pass must be 1 to 8 characters (VRRP PASS authentication uses only 8), "
                + "it has 17 (set in INV:" + line(text, "keepalived_auth_pass") + ")");
    }
}
