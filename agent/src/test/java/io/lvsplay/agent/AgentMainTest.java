package io.lvsplay.agent;

import io.lvsplay.agent.Loopback.NamedBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentMainTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AgentMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkPrintsOkForValidFiles() throws Exception {
        Path rules = Files.writeString(dir.resolve("ipvsadm.rules"), "-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g\n");
        Path config = Files.writeString(dir.resolve("agent.yml"), "services:\n  - service: tcp 10.10.10.100:80\n    check: {type: TCP_CHECK}\n");
        Result r = run("check", "--rules", rules.toString(), "--config", config.toString());
        assertEquals(new Result(0, "OK\n" + io.lvsplay.agent.net.RelayChoice.of(io.lvsplay.agent.config.RelayMode.AUTO) + "\n", ""), r);
        assertTrue(r.out().startsWith("OK\nrelay: splice ("), "Netty's native library loads on linux-x86_64: " + r.out());
    }

    @Test
    void checkSaysWhenTheConfigForcesTheCopyingRelay() throws Exception {
        Path rules = Files.writeString(dir.resolve("ipvsadm.rules"), "-A -t 10.10.10.100:80 -s rr\n");
        Path config = Files.writeString(dir.resolve("agent.yml"), "relay: nio\n");
        Result r = run("check", "--rules", rules.toString(), "--config", config.toString());
        assertEquals(new Result(0, "OK\nrelay: nio (relay: nio in the config)\n", ""), r);
    }

    @Test
    void checkRefusesAnUnknownRelayWithFileAndLine() throws Exception {
        Path rules = Files.writeString(dir.resolve("ipvsadm.rules"), "-A -t 10.10.10.100:80 -s rr\n");
        Path config = Files.writeString(dir.resolve("agent.yml"), "event_loops: 1\nrelay: sendfile\n");
        Result r = run("check", "--rules", rules.toString(), "--config", config.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(config + ":2"), r.err());
        assertTrue(r.err().contains("relay must be auto, splice or nio, got 'sendfile'"), r.err());
    }

    @Test
    void checkReportsFileAndLineAndExitsOne() throws Exception {
        Path rules = Files.writeString(dir.resolve("ipvsadm.rules"), "-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12:80 -w x\n");
        Result r = run("check", "--rules", rules.toString());
        assertEquals(1, r.code());
        assertEquals(rules + ":2: option -w expects a number, got 'x'\n", r.err());
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitTwo() {
        Result r = run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("lvsplay-agent: Unmatched argument at index 0: 'frobnicate'"), r.err());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: lvsplay-agent [-hV] [COMMAND]"), r.out());
        assertTrue(r.out().contains("  set-weight  Change a real server's weight for new connections."), r.out());
    }

    @Test
    void unreachableAgentIsAnErrorNamingTheSocket() {
        Result r = run("list", "-n", "--control", dir.resolve("nobody.sock").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot reach the agent on control socket " + dir.resolve("nobody.sock")), r.err());
    }

    @Test
    void listSetWeightDrainAndSaveTalkToTheRunningAgent() throws Exception {
        int port = Loopback.freePort();
        try (NamedBackend a = new NamedBackend("A"); NamedBackend b = new NamedBackend("B");
             Agent agent = Loopback.agent(dir, "-A -t 127.0.0.13:" + port + " -s wrr\n-a -t 127.0.0.13:" + port + " -r " + a.address()
                     + " -m\n-a -t 127.0.0.13:" + port + " -r " + b.address() + " -m\n", null)) {
            String control = agent.controlPath().toString();
            String vip = "127.0.0.13:" + port;
            assertEquals(0, run("set-weight", "-t", vip, a.address(), "5", "--control", control).code());
            assertEquals(0, run("drain", vip, b.address(), "--control", control).code());
            assertEquals("AAA", Loopback.get("127.0.0.13", port, null) + Loopback.get("127.0.0.13", port, null) + Loopback.get("127.0.0.13", port, null));
            Result list = run("list", "-n", "--control", control);
            assertEquals(0, list.code());
            assertTrue(list.out().contains(String.format("  -> %-28s %-7s %-6d", a.address(), "Masq", 5)), list.out());
            assertTrue(list.out().contains(String.format("  -> %-28s %-7s %-6d", b.address(), "Masq", 0)), list.out());
            Result save = run("save", "-n", "--control", control);
            assertTrue(save.out().contains("-a -t " + vip + " -r " + b.address() + " -m -w 0\n"), save.out());
            Result stats = run("list", "-n", "--stats", "--control", control);
            assertTrue(stats.out().contains(String.format("%-33s%9d", "TCP  " + vip, 3)), stats.out());
            Result unknown = run("set-weight", vip, "127.0.0.1:1", "1", "--control", control);
            assertEquals(1, unknown.code());
            assertTrue(unknown.err().contains("has no real server 127.0.0.1:1"), unknown.err());
        }
    }
}
