package io.lvsplay.engine.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a vault password comes from, as ansible's --vault-id [label@]source reads it: "prompt"
 * asks on the terminal, an executable file is run (a "*-client" script is given --vault-id label)
 * and its stdout is the password, any other file holds the password (surrounding whitespace stripped).
 */
public final class VaultPasswordSource {
    private static final Pattern CLIENT_SCRIPT = Pattern.compile("-client(\\.[^.]*)?$");

    private VaultPasswordSource() {
    }

    /** "label@source" or "source" (label "default"). The prompt reads a password for a given prompt text. */
    public static VaultSecret fromVaultId(String spec, Function<String, String> prompt) {
        int at = spec.indexOf('@');
        String label = at < 0 ? VaultSecret.DEFAULT_ID : spec.substring(0, at);
        String source = at < 0 ? spec : spec.substring(at + 1);
        if (source.equals("prompt") || source.equals("prompt_ask_vault_pass")) {
            String text = label.equals(VaultSecret.DEFAULT_ID) ? "Vault password: " : "Vault password (" + label + "): ";
            return checked(VaultSecret.of(label, prompt.apply(text)), "the prompt");
        }
        return fromFile(label, Path.of(expandHome(source)));
    }

    public static VaultSecret fromFile(String label, Path file) {
        if (!Files.exists(file)) {
            throw new VaultError("The vault password file " + file + " was not found");
        }
        if (Files.isExecutable(file) && !Files.isDirectory(file)) {
            return checked(VaultSecret.of(label, runScript(label, file)), "script " + file);
        }
        try {
            return checked(VaultSecret.of(label, Files.readString(file, StandardCharsets.UTF_8).strip()), "file " + file);
        } catch (IOException e) {
            throw new VaultError("Could not read vault password file " + file + ": " + e.getMessage());
        }
    }

    private static String runScript(String label, Path script) {
        List<String> command = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        if (CLIENT_SCRIPT.matcher(script.getFileName().toString()).find()) {
            command.addAll(List.of("--vault-id", label));
        }
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new VaultError("Vault password script " + script + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new VaultError("Vault password script " + script + " returned non-zero (" + process.exitValue()
                        + ")" + (err.isEmpty() ? "" : ": " + err));
            }
            return stripNewlines(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VaultError("Problem running vault password script " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultError("interrupted while running vault password script " + script);
        }
    }

    private static String stripNewlines(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static VaultSecret checked(VaultSecret secret, String where) {
        if (secret.password().length == 0) {
            throw new VaultError("Invalid vault password was provided from " + where + ": it is empty");
        }
        return secret;
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }
}
