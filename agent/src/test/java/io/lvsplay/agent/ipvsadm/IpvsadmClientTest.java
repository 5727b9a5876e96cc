package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lvsplay-agent ipvsadm ARGS against a running agent: output, messages and exit codes as ipvsadm's. */
class IpvsadmClientTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result ipvsadm(Path control, String stdin, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = IpvsadmClient.run(Arrays.asList(line.split(" ")), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), control);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void changesTheRunningTableAndTheServiceForwards() throws Exception {
        int vport = Loopback.freePort();
        String vip = "127.0.0.33:" + vport;
        try (Loopback.NamedBackend a = new Loopback.NamedBackend("A"); Agent agent = Loopback.agent(dir, "", null)) {
            Path c = agent.controlPath();
            assertEquals(new Result(0, "", ""), ipvsadm(c, "", "-A -t " + vip + " -s rr"));
            assertEquals(new Result(0, "", ""), ipvsadm(c, "", "-a -t " + vip + " -r " + a.address() + " -m -w 3"));
            Loopback.await(agent::allBound, 5000, "the new service listening");
            assertEquals("A", Loopback.get("127.0.0.33", vport, null));
            assertEquals(new Result(255, "", "Service already exists\n"), ipvsadm(c, "", "-A -t " + vip + " -s rr"));
            assertEquals(new Result(2, "", "illegal weight specified\n"), ipvsadm(c, "", "-e -t " + vip + " -r " + a.address() + " -w x"));
            Result list = ipvsadm(c, "", "-Ln");
            assertTrue(list.out().contains("TCP  " + vip + " rr\n  -> " + String.format("%-28s %-7s %-6d", a.address(), "Masq", 3)), list.out());
            assertEquals(0, ipvsadm(c, "", "-Z").code());
            assertEquals(new Result(0, "-A -t " + vip + " -s rr\n-a -t " + vip + " -r " + a.address() + " -m -w 3\n", ""), ipvsadm(c, "", "-S -n"));
            assertEquals(new Result(0, "", ""), ipvsadm(c, "-C\n-A -u " + vip + " -s wrr\n", "-R"));
            assertTrue(ipvsadm(c, "", "-Ln").out().endsWith("UDP  " + vip + " wrr\n"));
        }
    }

    @Test
    void noAgentIsExitTwoLikeIpvsadmWithoutTheKernelModule() {
        Result r = ipvsadm(dir.resolve("none.sock"), "", "-Ln");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Can't initialize ipvs: the lvsplay agent does not answer on " + dir.resolve("none.sock")), r.err());
    }
}
