package io.lvsplay.agent.net;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Transparent mode end to end, with the kernel's own routing: three network namespaces made by the test
 * (client 10.77.1.2, director 10.77.1.1 / 10.77.2.1, real server 10.77.2.2 whose gateway is the director, the
 * LVS-NAT topology), the agent running in the director's namespace with the policy routing the playbooks add. The
 * real server answers each connection with the address it sees: the client's for the transparent service, the
 * director's for the plain one.
 */
class TransparentRelayTest {
    private static final String NS = "lvtp" + ProcessHandle.current().pid() % 10000;
    private static final List<Process> processes = new ArrayList<>();

    @TempDir
    static Path dir;

    private static int sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("setup.log").toFile())).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), script);
        return p.exitValue();
    }

    private static Process background(String log, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
        processes.add(p);
        return p;
    }

    @BeforeAll
    static void namespaces() throws Exception {
        boolean root = System.getProperty("user.name").equals("root");
        assumeTrue(root && new File("/usr/bin/python3").canExecute(), "needs root (network namespaces) and python3");
        assertTrue(TransparentSockets.unavailableReason() == null, String.valueOf(TransparentSockets.unavailableReason()));
        String p = NS;
        int rc = sh("set -e; P=" + p + """

                for n in c d r; do ip netns add $P-$n; ip -n $P-$n link set lo up; done
                ip link add $P-x type veth peer name $P-y
                ip link set $P-x netns $P-c; ip link set $P-y netns $P-d
                ip link add $P-u type veth peer name $P-v
                ip link set $P-u netns $P-r; ip link set $P-v netns $P-d
                ip -n $P-c addr add 10.77.1.2/24 dev $P-x; ip -n $P-c link set $P-x up; ip -n $P-c route add default via 10.77.1.1
                ip -n $P-d addr add 10.77.1.1/24 dev $P-y; ip -n $P-d link set $P-y up
                ip -n $P-d addr add 10.77.2.1/24 dev $P-v; ip -n $P-d link set $P-v up
                ip -n $P-r addr add 10.77.2.2/24 dev $P-u; ip -n $P-r link set $P-u up; ip -n $P-r route add default via 10.77.2.1
                ip netns exec $P-d sysctl -qw net.ipv4.ip_forward=1
                # what the playbooks add on a director whose services are transparent
                ip netns exec $P-d iptables -t mangle -A PREROUTING -p tcp -m socket --transparent -j MARK --set-mark 0x1/0x1
                ip -n $P-d rule add fwmark 0x1/0x1 lookup 100
                ip -n $P-d route add local 0.0.0.0/0 dev lo table 100
                """);
        assertTrue(rc == 0, "network namespaces, veth and iptables' socket match work here: " + Files.readString(dir.resolve("setup.log")));
        Files.writeString(dir.resolve("rules"), """
                -A -t 10.77.1.1:8080 -s rr
                -a -t 10.77.1.1:8080 -r 10.77.2.2:9000 -m -w 1
                -A -t 10.77.1.1:8081 -s rr
                -a -t 10.77.1.1:8081 -r 10.77.2.2:9000 -m -w 1
                """);
        Files.writeString(dir.resolve("agent.yml"), "services:\n  - service: tcp 10.77.1.1:8080\n    transparent: true\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        background("agent.log", "ip", "netns", "exec", p + "-d", java, "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.lvsplay.agent.AgentMain", "run",
                "--rules", dir.resolve("rules").toString(), "--config", dir.resolve("agent.yml").toString(),
                "--control", dir.resolve("control.sock").toString());
        background("rs.log", "ip", "netns", "exec", p + "-r", "/usr/bin/python3", "-c", """
                import socket
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("10.77.2.2", 9000)); s.listen(16)
                while True:
                    c, a = s.accept(); c.sendall((a[0] + "\\n").encode()); c.close()
                """);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            sh("for n in c d r; do ip netns del " + NS + "-$n 2>/dev/null; done; true");
        }
    }

    /** Connects from the client's namespace; the answer is the source address the real server saw. */
    private static String seenByRealServer(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            Process p = new ProcessBuilder("ip", "netns", "exec", NS + "-c", "/usr/bin/python3", "-c",
                    "import socket; s = socket.create_connection(('10.77.1.1', " + port + "), timeout=5); print(s.recv(100).decode().strip())")
                    .redirectErrorStream(true).start();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            last = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 0 && !last.isEmpty()) {
                return last;
            }
            Thread.sleep(300); // the agent or the real server may still be starting
        }
        throw new AssertionError("no answer through port " + port + ": " + last + "\nagent: " + Files.readString(dir.resolve("agent.log")));
    }

    @Test
    void theRealServerSeesTheClientThroughATransparentService() throws Exception {
        assertEquals("10.77.1.2", seenByRealServer(8080));
    }

    @Test
    void andTheDirectorThroughAPlainOne() throws Exception {
        assertEquals("10.77.2.1", seenByRealServer(8081));
    }
}
