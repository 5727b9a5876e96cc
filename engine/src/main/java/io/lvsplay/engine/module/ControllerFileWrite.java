package io.lvsplay.engine.module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file written on the controller (fetch's copy of a host's file): atomically, a temp file beside
 * the destination renamed once complete, with the umask's mode as a direct write would have.
 */
public record ControllerFileWrite(Path path, byte[] content) implements HostStep {

    @Override
    public String shown() {
        return "write controller file " + path + " (" + content.length + " bytes)";
    }

    void apply() {
        try {
            Path dir = Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = dir.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".lvsplay.tmp");
            try {
                Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ModuleFailure("cannot write " + path + " on the controller: " + e.getMessage());
        }
    }
}
