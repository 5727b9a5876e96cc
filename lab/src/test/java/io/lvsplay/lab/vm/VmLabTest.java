package io.lvsplay.lab.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real DR cluster on kernel IPVS in QEMU VMs. Slow (an image build on a fresh machine, then software
 * emulation), so it has its own switch: -Dvmlab=true. Needs root. Uses its own subnet, so it can run next
 * to a user's lab.
 */
@EnabledIfSystemProperty(named = "vmlab", matches = "true")
class VmLabTest {

    private static final String LAB = "it-vm-dr";
    private static final String SUBNET = "10.236.1.0/24";
    private static final String VIP = "10.236.1.100";
    private static final String RS1 = "10.236.1.12";
    private static final String RS2 = "10.236.1.13";
    private static final String CLIENT = "10.236.1.200";

    private static VmImage image;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void image() {
        Instant begin = Instant.now();
        image = VmImage.ensureBuilt(Path.of(System.getProperty("lvsplay.repo", ".")));
        System.err.println("VmLabTest: VM image " + image.dir() + " (" + image.kernelRelease() + ") ready after "
                + seconds(Duration.between(begin, Instant.now())));
    }

    @Test
    void drLabForwardsThroughKernelIpvs() throws Exception {
        LabSpec spec = LabSpec.builder().name(LAB).topology(LabTopology.DR).realServers(2)
                .lanSubnet(SUBNET).stateDir(stateDir).build();
        try (VmLab lab = VmLab.up(spec, image, VmLabOptions.defaults())) {
            report(lab);
            assertEquals(List.of("director", "rs1", "rs2", "client"), lab.hosts().stream().map(VmHost::name).toList());
            for (VmHost host : lab.hosts()) {
                ExecResult hostname = host.exec("hostname");
                assertEquals(0, hostname.exitCode(), host + ": " + hostname.stderr());
                assertEquals(host.name(), hostname.stdout().strip());
            }
            assertEquals(4, Files.readAllLines(lab.knownHostsFile()).size());
            String inventory = Files.readString(lab.inventoryFile());
            assertTrue(inventory.contains("rs2 ansible_host=" + RS2 + " rs_weight=1\n"), inventory);
            assertTrue(inventory.contains("vip=" + VIP + "\n"), inventory);
            assertTrue(inventory.contains("lvs_dataplane=auto\n"), inventory);

            VmHost director = lab.host("director");
            // What lvs_dataplane=auto probes: the module is loadable, so the playbooks pick kernel IPVS.
            assertEquals("", director.run("modprobe -n ip_vs").strip());
            director.run("modprobe ip_vs && ipvsadm -A -t " + VIP + ":80 -s rr"
                    + " && ipvsadm -a -t " + VIP + ":80 -r " + RS1 + ":80 -g"
                    + " && ipvsadm -a -t " + VIP + ":80 -r " + RS2 + ":80 -g");
            String table = director.run("ipvsadm -Ln");
            assertTrue(table.contains("TCP  " + VIP + ":80 rr"), table);
            assertTrue(table.contains("-> " + RS1 + ":80") && table.contains("Route"), table);
            assertTrue(director.run("cat /proc/net/ip_vs").contains("TCP"), "kernel table");

            // The classic hand-made LVS-DR setup: the VIP on the director's eth0; on each real server the
            // VIP on lo, hidden from ARP so that only the director answers for it.
            director.run("ip addr add " + VIP + "/32 dev eth0");
            for (String rs : List.of("rs1", "rs2")) {
                lab.host(rs).run("sysctl -q -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2"
                        + " net.ipv4.conf.eth0.arp_ignore=1 net.ipv4.conf.eth0.arp_announce=2"
                        + " && ip addr add " + VIP + "/32 dev lo label lo:0"
                        + " && echo " + rs + " > /var/www/html/index.html && service nginx start");
            }
            VmHost client = lab.host("client");
            Set<String> answers = new TreeSet<>();
            for (int i = 0; i < 4; i++) {
                answers.add(client.run("curl -sS --max-time 10 http://" + VIP + "/").strip());
            }
            assertEquals(Set.of("rs1", "rs2"), answers, "round robin over both real servers");
            // Direct routing keeps the client's address: a proxy (the user-space agent) would show the director's.
            String accessLog = lab.host("rs1").run("cat /var/log/nginx/access.log");
            assertTrue(accessLog.startsWith(CLIENT + " "), accessLog);
            String stats = director.run("ipvsadm -Ln --stats");
            assertTrue(stats.contains("-> " + RS1 + ":80"), stats);

            // TUN real servers need ipip.
            assertTrue(lab.host("rs1").run("modprobe ipip && ip -o link show tunl0").contains("tunl0"));

            assertTrue(VmLab.status(stateDir, LAB).stream().allMatch(s -> s.state().equals("running")));
        }
        assertEquals(List.of(), VmLab.status(stateDir, LAB));
        assertEquals(List.of(), LabBridges.links(LAB), "bridges and taps removed");
        assertTrue(QemuProcesses.running(LAB).isEmpty(), "no VM left running");
    }

    @Test
    void aSubnetAlreadyRoutedOnThisHostIsRefusedBeforeAnyVmStarts() {
        // Someone else's network on the subnet (a bridge made here, standing in for a Docker network).
        String other = "lvtestbusy0";
        HostCommand.check("ip", "link", "add", other, "type", "bridge");
        try {
            HostCommand.check("ip", "addr", "add", "10.232.9.1/24", "dev", other);
            HostCommand.check("ip", "link", "set", "dev", other, "up");
            LabSpec spec = LabSpec.builder().name("it-vm-busy").topology(LabTopology.DR).realServers(1)
                    .lanSubnet("10.232.9.0/24").stateDir(stateDir).build();
            LabException e = assertThrows(LabException.class, () -> VmLab.up(spec, image, VmLabOptions.defaults()));
            assertTrue(e.getMessage().contains("10.232.9.0/24 is already in use") && e.getMessage().contains(other)
                    && e.getMessage().contains("--subnet"), e.getMessage());
            assertEquals(List.of(), LabBridges.links("it-vm-busy"), "nothing of the failed lab is left");
            assertTrue(QemuProcesses.running("it-vm-busy").isEmpty());
        } finally {
            HostCommand.check("ip", "link", "del", "dev", other);
        }
    }

    private static void report(VmLab lab) {
        StringBuilder sb = new StringBuilder("VmLabTest: lab up in " + seconds(lab.upTime()) + ";");
        for (VmHost host : lab.hosts()) {
            sb.append(' ').append(host.name()).append(' ').append(host.bootTime().map(VmLabTest::seconds).orElse("?"));
        }
        System.err.println(sb);
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
