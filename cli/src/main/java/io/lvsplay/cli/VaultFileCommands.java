package io.lvsplay.cli;

import io.lvsplay.engine.vault.VaultEnvelope;
import io.lvsplay.engine.vault.VaultKeyring;
import io.lvsplay.engine.vault.VaultSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ansible-vault's file subcommands; "-" reads stdin / writes stdout. */
final class VaultFileCommands {
    private VaultFileCommands() {
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypts files in place (or to --output).")
    static final class Encrypt extends VaultCommand.VaultSubcommand {
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to encrypt (default: stdin).")
        List<String> files = new ArrayList<>(List.of());

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of in place ('-' for stdout).")
        String output;

        @Override
        int doCall() {
            VaultSecret secret = encryptSecret(vault.secrets(config(), true));
            for (String file : orStdin(files)) {
                String text = read(file);
                if (VaultEnvelope.isVaulted(text)) {
                    throw new ExitException(ExitCodes.BAD_INPUT, "input is already encrypted: " + file);
                }
                write(output != null ? output : file, VaultKeyring.encrypt(text, secret));
            }
            System.err.println("Encryption successful");
            return ExitCodes.OK;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypts files in place (or to --output).")
    static final class Decrypt extends VaultCommand.VaultSubcommand {
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to decrypt (default: stdin).")
        List<String> files = new ArrayList<>();

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of in place ('-' for stdout).")
        String output;

        @Override
        int doCall() {
            VaultKeyring keyring = keyring();
            for (String file : orStdin(files)) {
                String text = read(file);
                requireVaulted(text, file);
                write(output != null ? output : file, keyring.decrypt(text));
            }
            System.err.println("Decryption successful");
            return ExitCodes.OK;
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true, description = "Prints the plaintext of vault files.")
    static final class View extends VaultCommand.VaultSubcommand {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<String> files;

        @Override
        int doCall() {
            VaultKeyring keyring = keyring();
            for (String file : files) {
                String text = read(file);
                requireVaulted(text, file);
                System.out.print(keyring.decrypt(text));
            }
            System.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "rekey", mixinStandardHelpOptions = true, description = "Re-encrypts vault files with a new password.")
    static final class Rekey extends VaultCommand.VaultSubcommand {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<String> files;

        @Option(names = "--new-vault-id", paramLabel = "[LABEL@]SOURCE", description = "The new vault password.")
        String newVaultId;

        @Option(names = "--new-vault-password-file", paramLabel = "FILE", description = "File with the new vault password.")
        Path newPasswordFile;

        @Override
        int doCall() {
            VaultKeyring keyring = keyring();
            String spec = newVaultId != null ? newVaultId
                    : newPasswordFile != null ? VaultSecret.DEFAULT_ID + "@" + newPasswordFile : "default@prompt";
            VaultSecret secret = io.lvsplay.engine.vault.VaultPasswordSource.fromVaultId(spec, VaultOptions::prompt);
            for (String file : files) {
                String text = read(file);
                requireVaulted(text, file);
                write(file, VaultKeyring.encrypt(keyring.decrypt(text), secret));
            }
            System.err.println("Rekey successful");
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a vault file with $EDITOR.")
    static final class Create extends VaultCommand.VaultSubcommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int doCall() throws IOException, InterruptedException {
            if (Files.exists(file)) {
                throw new ExitException(ExitCodes.BAD_INPUT, file + " exists, please use 'edit' instead");
            }
            VaultSecret secret = encryptSecret(vault.secrets(config(), true));
            write(file.toString(), VaultKeyring.encrypt(VaultEditor.edit(environment, ""), secret));
            return ExitCodes.OK;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Edits a vault file with $EDITOR.")
    static final class Edit extends VaultCommand.VaultSubcommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int doCall() throws IOException, InterruptedException {
            String text = read(file.toString());
            requireVaulted(text, file.toString());
            VaultKeyring keyring = keyring();
            String plain = keyring.decrypt(text);
            String edited = VaultEditor.edit(environment, plain);
            if (!edited.equals(plain)) {
                VaultSecret secret = encryptSecret(keyring.secrets());
                write(file.toString(), VaultKeyring.encrypt(edited, secret));
            }
            return ExitCodes.OK;
        }
    }

    static List<String> orStdin(List<String> files) {
        return files == null || files.isEmpty() ? List.of("-") : files;
    }

    static String read(String file) {
        try {
            byte[] data = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
            return new String(data, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitException(ExitCodes.BAD_INPUT, "cannot read " + file + ": " + e.getMessage());
        }
    }

    static void write(String file, String text) {
        if (file.equals("-")) {
            System.out.print(text);
            System.out.flush();
            return;
        }
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitException(ExitCodes.GENERIC_ERROR, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
