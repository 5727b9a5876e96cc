package io.lvsplay.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Opens plaintext in $EDITOR (default vi) in a 0600 temp file that is removed afterwards. */
final class VaultEditor {
    private VaultEditor() {
    }

    static String edit(CliEnvironment environment, String plain) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("lvsplay-vault", ".yml", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, plain, StandardCharsets.UTF_8);
            String editor = environment.env().getOrDefault("EDITOR", "vi");
            List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
            command.add(tmp.toString());
            int rc = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new ExitException(ExitCodes.GENERIC_ERROR, "editor '" + editor + "' exited with " + rc + "; nothing written");
            }
            return Files.readString(tmp, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
