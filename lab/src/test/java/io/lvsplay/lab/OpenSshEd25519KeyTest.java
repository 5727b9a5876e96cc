package io.lvsplay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSshEd25519KeyTest {

    /** ssh-keygen -y derives the public key from the private key file: both files must agree. */
    @Test
    void opensshReadsTheJavaGeneratedKey(@TempDir Path dir) throws Exception {
        assumeTrue(sshKeygenInstalled(), "ssh-keygen is needed to check the key format");
        OpenSshEd25519Key key = OpenSshEd25519Key.generate("lab-test");
        Path privateKey = Files.createFile(dir.resolve("id"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, key.privateKeyPem());
        Process p = new ProcessBuilder("ssh-keygen", "-y", "-f", privateKey.toString()).redirectErrorStream(true).start();
        String derived = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), derived);
        String[] expected = key.publicKeyLine().split(" ");
        assertEquals(expected[0] + " " + expected[1], derived.split(" ")[0] + " " + derived.split(" ")[1]);
    }

    @Test
    void keyPairIsMadeOnceAndReused(@TempDir Path dir) throws IOException {
        SshKeyPair first = SshKeyPair.ensure(dir, "c");
        String line = first.publicKeyLine();
        assertEquals(line, SshKeyPair.ensure(dir, "c").publicKeyLine());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKey())));
    }

    private static boolean sshKeygenInstalled() {
        try {
            return new ProcessBuilder("ssh-keygen", "-?").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
