package io.lvsplay.engine.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jcraft.jsch.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real ssh-agent (OpenSSH's) started for the test on a socket of its own. */
class AgentKeysTest {
    @TempDir
    Path dir;

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    @Test
    void theAgentsKeyIsListedAndTheAgentSignsWithIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")), "OpenSSH's ssh-agent is not installed");
        Path sock = dir.resolve("agent.sock");
        Path key = dir.resolve("id_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());

            List<Identity> keys = AgentKeys.list(sock);
            assertEquals(1, keys.size());
            Identity id = keys.get(0);
            assertEquals("ssh-ed25519", id.getAlgName());
            String pub = Files.readString(Path.of(key + ".pub")).split(" ")[1];
            assertEquals(pub, Base64.getEncoder().encodeToString(id.getPublicKeyBlob()));

            byte[] data = "session id and request".getBytes();
            Buffer.PlainBuffer blob = new Buffer.PlainBuffer(id.getSignature(data, "ssh-ed25519"));
            assertEquals("ssh-ed25519", blob.readString());
            assertEquals(64, blob.readStringAsBytes().length, "an Ed25519 signature is 64 bytes");
        } finally {
            agent.destroy();
        }
    }

    @Test
    void noAgentMeansNoKeys() {
        assertEquals(List.of(), AgentKeys.list(dir.resolve("no-such.sock")));
    }
}
