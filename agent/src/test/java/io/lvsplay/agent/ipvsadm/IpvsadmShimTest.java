package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.Agent;
import io.lvsplay.agent.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The installed shim (src/main/dist/ipvsadm) answers the same whether its python3 client or the JVM client
 * talks to the agent: same output, same messages, same exit codes, on the same sequence of ipvsadm commands.
 */
class IpvsadmShimTest {
    private static final Path SHIM = Path.of("src/main/dist/ipvsadm").toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run shim(Path socket, String client, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", SHIM.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LVSPLAY_AGENT_CONTROL", socket.toString());
        pb.environment().put("LVSPLAY_AGENT_JAR", Path.of("target/classes").toAbsolutePath().toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("LVSPLAY_IPVSADM_CLIENT", client);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shim finishes");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Runs the same session (changes, listings, errors) through one client on a fresh agent. */
    private List<Run> session(String client) throws Exception {
        Path d = Files.createDirectories(dir.resolve(client));
        List<Run> runs = new ArrayList<>();
        try (Agent agent = Loopback.agent(d, "# empty\n", null)) {
            Path s = agent.controlPath();
            runs.add(shim(s, client, "", "-A", "-t", "127.0.0.40:8080", "-s", "wrr"));
            runs.add(shim(s, client, "", "-a", "-t", "127.0.0.40:8080", "-r", "127.0.0.41:80", "-m", "-w", "3"));
            runs.add(shim(s, client, "", "-a", "-t", "127.0.0.40:8080", "-r", "127.0.0.41:80", "-m"));
            runs.add(shim(s, client, "-a -t 127.0.0.40:8080 -r 127.0.0.42:80 -m -w 2\n-A -u 127.0.0.40:53 -s rr\n", "-R"));
            runs.add(shim(s, client, "", "-e", "-t", "127.0.0.40:8080", "-r", "127.0.0.41:80", "-m", "-w", "0"));
            runs.add(shim(s, client, "", "-L", "-n"));
            runs.add(shim(s, client, "", "-S", "-n"));
            runs.add(shim(s, client, "", "-A", "-t", "127.0.0.40:0"));
            runs.add(shim(s, client, "", "-d", "-t", "127.0.0.40:9", "-r", "127.0.0.41:80"));
            runs.add(shim(s, client, "", "-C"));
            runs.add(shim(s, client, "", "-L", "-n"));
        }
        return runs;
    }

    @Test
    void pythonAndJvmClientsAnswerAlike() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v python3").start().waitFor() == 0, "needs python3");
        List<Run> jvm = session("java");
        List<Run> fast = session("auto");
        assertEquals(jvm, fast);
        // the session really did something: the listing shows both real servers, the bad port is refused
        assertTrue(jvm.get(5).out().contains("127.0.0.42:80"), jvm.get(5).out());
        assertEquals(0, jvm.get(0).exit());
        assertTrue(jvm.get(2).exit() != 0 && !jvm.get(2).err().isBlank(), "a duplicate real server is refused");
        assertEquals(2, jvm.get(7).exit(), "zero port: a usage error");
    }

    @Test
    void withNoAgentBothSayWhyAndExit2() throws Exception {
        Path none = dir.resolve("no-agent.sock");
        Run jvm = shim(none, "java", "", "-L", "-n");
        Run fast = shim(none, "auto", "", "-L", "-n");
        assertEquals(2, jvm.exit());
        assertEquals(jvm, fast);
        assertTrue(jvm.err().contains("does not answer"), jvm.err());
        // a bad command line is still reported as such before the missing agent
        assertEquals(shim(none, "java", "", "-A", "-t", "127.0.0.40:0"), shim(none, "auto", "", "-A", "-t", "127.0.0.40:0"));
    }

    @Test
    void helpAndVersionAreIpvsadms() throws Exception {
        Run v = shim(dir.resolve("none.sock"), "auto", "", "-v");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("ipvsadm v1.31"), v.out());
    }
}
