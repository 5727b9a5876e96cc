package io.lvsplay.agent.control;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ControlSocketSecurityTest {
    private static final String RULES = "-A -t 127.0.0.21:%d -s rr\n-a -t 127.0.0.21:%d -r 127.0.0.1:9 -m\n";

    @TempDir
    Path dir;

    private String rules() throws Exception {
        int port = Loopback.freePort();
        return String.format(RULES, port, port);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void socketIsOwnerOnlyWhateverTheUmask() throws Exception {
        try (Agent agent = Loopback.agent(dir, rules(), null)) {
            assertEquals("rw-------", mode(agent.controlPath()));
        }
    }

    /** Issue 15 item 6: under umask 000 the socket used to be srwxrwxrwx. A real agent process, started as an operator might. */
    @Test
    void anAgentStartedUnderUmask000StillHasAnOwnerOnlySocket() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules"), rules());
        Path socket = dir.resolve("umask.sock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process agent = new ProcessBuilder("/bin/sh", "-c", "umask 000; exec \"$0\" -cp \"$1\" io.lvsplay.agent.AgentMain run"
                + " --rules \"$2\" --control \"$3\"", java, System.getProperty("java.class.path"), rules.toString(), socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && System.currentTimeMillis() < deadline) {
                assertTrue(agent.isAlive(), () -> "the agent stopped: " + read(dir.resolve("agent.log")));
                Thread.sleep(100);
            }
            // the mode is set right after bind; give it that moment
            Thread.sleep(200);
            assertEquals("rw-------", mode(socket));
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void controlGroupMakesItGroupReadableAndOwnedByThatGroup() throws Exception {
        try (Agent agent = Loopback.agent(dir, rules(), "control_group: daemon\n")) {
            assertEquals("rw-rw----", mode(agent.controlPath()));
            assertEquals("daemon", Files.readAttributes(agent.controlPath(), java.nio.file.attribute.PosixFileAttributes.class).group().getName());
        }
    }

    @Test
    void otherUsersAreRefusedByTheirCredentialsEvenWhenTheFileModeLetsThemIn() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root") && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs root and runuser");
        try (Agent agent = Loopback.agent(dir, rules(), null)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(agent.controlPath(), PosixFilePermissions.fromString("rw-rw-rw-"));
            String client = "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\ns.sendall(b'list\\n')\n"
                    + "s.shutdown(socket.SHUT_WR)\nprint(s.makefile().read())\n";
            Process p = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/python3", "-c", client, agent.controlPath().toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.startsWith("1\npermission denied: user nobody; only root or the agent's user may use it"), out);
        }
    }

    @Test
    void aStalledClientDoesNotBlockList() throws Exception {
        try (Agent agent = Loopback.agent(dir, rules(), null);
             SocketChannel stalled = SocketChannel.open(UnixDomainSocketAddress.of(agent.controlPath()))) {
            assertTrue(stalled.isConnected());
            long ms = timed(() -> assertEquals(0, ControlClient.send(agent.controlPath(), List.of("list")).exitCode()));
            assertTrue(ms < ControlServer.DEADLINE_MILLIS / 2, "list took " + ms + " ms behind a stalled client");
        }
    }

    @Test
    void clientsBeyondTheLimitAreToldTheAgentIsBusyAndStalledOnesAreCutAtTheDeadline() throws Exception {
        List<SocketChannel> stalled = new ArrayList<>();
        try (Agent agent = Loopback.agent(dir, rules(), null)) {
            for (int i = 0; i < ControlServer.CLIENT_LIMIT; i++) {
                stalled.add(SocketChannel.open(UnixDomainSocketAddress.of(agent.controlPath())));
            }
            Thread.sleep(200);
            ControlReply[] busy = new ControlReply[1];
            long ms = timed(() -> busy[0] = ControlClient.send(agent.controlPath(), List.of("list")));
            assertTrue(ms < ControlServer.DEADLINE_MILLIS / 2, "refusal took " + ms + " ms");
            assertEquals(1, busy[0].exitCode());
            assertTrue(busy[0].body().startsWith("the agent is busy: 8 control clients are connected"), busy[0].body());
            Loopback.await(() -> ControlClient.send(agent.controlPath(), List.of("list")).exitCode() == 0,
                    ControlServer.DEADLINE_MILLIS + 2000, "list after the stalled clients' deadline");
            // The agent closed the stalled clients: reading them now gives end of stream.
            assertEquals(-1, stalled.get(0).read(java.nio.ByteBuffer.allocate(16)));
        } finally {
            for (SocketChannel c : stalled) {
                c.close();
            }
        }
    }
}
