package io.lvsplay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.transport.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Real labs in Docker, on test-only subnets so they can run next to a user's default lab. Needs -Dlab=true. */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class LabDockerTest {

    private static final Docker DOCKER = new Docker();

    @TempDir
    Path stateDir;

    @BeforeAll
    static void image() {
        String repo = System.getProperty("lvsplay.repo");
        LabImage.ensureBuilt(repo == null ? null : Path.of(repo));
    }

    @Test
    void drLabAnswersSshStrictlyAndAllowsLvsNetworking() throws Exception {
        LabSpec spec = LabSpec.builder().name("it-dr").topology(LabTopology.DR).realServers(2)
                .lanSubnet("10.231.1.0/24").stateDir(stateDir).build();
        try (Lab lab = Lab.up(spec)) {
            assertEquals(List.of("director", "rs1", "rs2", "client"), lab.hosts().stream().map(LabHost::name).toList());
            for (LabHost host : lab.hosts()) {
                ExecResult ssh = ssh(lab, host.name(), "hostname");
                assertEquals(0, ssh.exitCode(), host + ": " + ssh.stderr());
                assertEquals(host.name(), ssh.stdout().strip());
            }

            LabHost rs1 = lab.host("rs1");
            assertEquals("net.ipv4.conf.all.arp_ignore = 1", rs1.run("sysctl -w net.ipv4.conf.all.arp_ignore=1").strip());
            rs1.run("ip addr add 10.231.1.100/32 dev lo label lo:0");
            assertTrue(rs1.run("ip -4 addr show dev lo").contains("10.231.1.100/32 scope global lo:0"));
            LabHost director = lab.host("director");
            director.run("iptables -t nat -A PREROUTING -d 10.231.1.100 -p tcp --dport 80 -j DNAT --to-destination 10.231.1.12:80");
            assertTrue(director.run("iptables -t nat -S PREROUTING").contains("--to-destination 10.231.1.12:80"));

            String inventory = Files.readString(lab.inventoryFile());
            assertTrue(inventory.contains("rs2 ansible_host=10.231.1.13 rs_weight=1\n"), inventory);
            assertTrue(inventory.contains("vip=10.231.1.100\n"), inventory);
            assertEquals(4, Files.readAllLines(lab.knownHostsFile()).size());
            assertTrue(Lab.status(stateDir, "it-dr").stream().allMatch(s -> s.state().equals("running")));
        }
        assertLabGone("it-dr");
        assertEquals(List.of(), Lab.status(stateDir, "it-dr"));
    }

    @Test
    void hostsCanGoAwayAndComeBackWithTheirKeys() throws Exception {
        LabSpec spec = LabSpec.builder().name("it-away").topology(LabTopology.DR).realServers(1)
                .lanSubnet("10.231.4.0/24").stateDir(stateDir).build();
        try (Lab lab = Lab.up(spec)) {
            LabHost rs1 = lab.host("rs1");
            rs1.pause();
            assertEquals("paused", rs1.state());
            assertFalse(SshPort.greets(rs1.address()));
            rs1.unpause();
            assertTrue(SshPort.greets(rs1.address()));

            rs1.disconnect();
            assertFalse(SshPort.greets(rs1.address()));
            rs1.reconnect();
            assertTrue(SshPort.greets(rs1.address()));

            rs1.stop();
            HostStatus stopped = Lab.status(stateDir, "it-away").stream()
                    .filter(s -> s.name().equals("rs1")).findFirst().orElseThrow();
            assertEquals("exited", stopped.state());
            assertEquals(List.of("10.231.4.12"), stopped.addresses());
            rs1.start();
            ExecResult ssh = ssh(lab, "rs1", "true");
            assertEquals(0, ssh.exitCode(), "host key must survive a restart: " + ssh.stderr());
        }
        assertLabGone("it-away");
    }

    @Test
    void natDirectorHasWanThenLanInterfaces() throws Exception {
        LabSpec spec = LabSpec.builder().name("it-nat").topology(LabTopology.NAT).realServers(2)
                .lanSubnet("10.231.2.0/24").wanSubnet("10.231.3.0/24").stateDir(stateDir).build();
        try (Lab lab = Lab.up(spec)) {
            LabHost director = lab.host("director");
            assertTrue(director.run("ip -4 -o addr show dev eth0").contains("inet 10.231.3.11/24"));
            assertTrue(director.run("ip -4 -o addr show dev eth1").contains("inet 10.231.2.11/24"));
            assertEquals(0, ssh(lab, "director", "true").exitCode());
            assertEquals(0, ssh(lab, "client", "true").exitCode());
            assertEquals("1", director.run("sysctl -w net.ipv4.ip_forward=1 >/dev/null && cat /proc/sys/net/ipv4/ip_forward").strip());
        }
        assertLabGone("it-nat");
    }

    @Test
    void upReplacesALabOfTheSameName() {
        LabSpec spec = LabSpec.builder().name("it-again").realServers(1)
                .lanSubnet("10.231.5.0/24").stateDir(stateDir).build();
        Lab.up(spec);
        try (Lab second = Lab.up(spec)) {
            assertEquals(3, DOCKER.containerIdsWithLabel(LabNames.labelFilter("it-again")).size());
            assertEquals("running", second.host("client").state());
        }
        assertLabGone("it-again");
    }

    private static void assertLabGone(String name) {
        assertEquals(List.of(), DOCKER.containerIdsWithLabel(LabNames.labelFilter(name)));
        assertEquals(List.of(), DOCKER.networkIdsWithLabel(LabNames.labelFilter(name)));
    }

    private static ExecResult ssh(Lab lab, String host, String command) throws Exception {
        Process p = new ProcessBuilder(lab.sshCommand(host, command)).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ssh to " + host + " hung");
        }
        return new ExecResult(p.exitValue(), out, err);
    }
}
