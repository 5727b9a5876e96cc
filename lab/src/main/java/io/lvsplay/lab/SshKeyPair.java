package io.lvsplay.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The lab's SSH client key: {@code <labDir>/id_ed25519} and {@code .pub}, made once and then reused. */
public record SshKeyPair(Path privateKey, Path publicKey) {

    public static final String FILE_NAME = "id_ed25519";

    /** Returns the key pair in {@code dir}, generating it (ssh-keygen, else in Java) when missing. */
    public static SshKeyPair ensure(Path dir, String comment) {
        Path privateKey = dir.resolve(FILE_NAME).toAbsolutePath();
        Path publicKey = dir.resolve(FILE_NAME + ".pub").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                return new SshKeyPair(privateKey, publicKey);
            }
            Files.deleteIfExists(privateKey);
            Files.deleteIfExists(publicKey);
            if (!runSshKeygen(privateKey, comment)) {
                OpenSshEd25519Key key = OpenSshEd25519Key.generate(comment);
                Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(privateKey, key.privateKeyPem());
                Files.writeString(publicKey, key.publicKeyLine());
            }
            return new SshKeyPair(privateKey, publicKey);
        } catch (IOException e) {
            throw new LabException("cannot create the lab SSH key " + privateKey + ": " + e.getMessage(), e);
        }
    }

    public String publicKeyLine() {
        try {
            return Files.readString(publicKey).strip();
        } catch (IOException e) {
            throw new LabException("cannot read the lab public key " + publicKey + ": " + e.getMessage(), e);
        }
    }

    /** False when ssh-keygen is not installed; a failure of an installed ssh-keygen is an error. */
    private static boolean runSshKeygen(Path privateKey, String comment) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment,
                    "-f", privateKey.toString())).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return false;
        }
        process.getOutputStream().close();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new LabException("ssh-keygen could not create " + privateKey + ": " + output.strip());
            }
            return true;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while creating " + privateKey, e);
        }
    }
}
