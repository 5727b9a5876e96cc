package io.lvsplay.cli;

import io.lvsplay.engine.config.Setting;
import io.lvsplay.engine.vault.VaultEnvelope;
import io.lvsplay.engine.vault.VaultKeyring;
import io.lvsplay.engine.vault.VaultSecret;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** lvsplay vault: ansible-vault's job; files and strings it writes are read by ansible-vault, and the reverse. */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = {"Encrypts and decrypts Ansible Vault files and strings (like ansible-vault).",
                "Formats $ANSIBLE_VAULT;1.1;AES256 and, with a vault id label, 1.2."},
        subcommands = {VaultFileCommands.Encrypt.class, VaultFileCommands.Decrypt.class, VaultFileCommands.View.class,
                VaultFileCommands.Rekey.class, VaultFileCommands.Create.class, VaultFileCommands.Edit.class,
                VaultEncryptString.class})
final class VaultCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every vault subcommand has, and the choice of the secret to encrypt with. */
    abstract static class VaultSubcommand extends BaseCommand {
        @Mixin
        VaultOptions vault;

        @Option(names = "--encrypt-vault-id", paramLabel = "ID", description = "The vault id to encrypt with.")
        String encryptVaultId;

        VaultKeyring keyring() {
            return new VaultKeyring(vault.secrets(config(), true));
        }

        /** As ansible-vault: the named id, else the only secret, else an error naming the choices. */
        VaultSecret encryptSecret(List<VaultSecret> secrets) {
            String id = encryptVaultId != null ? encryptVaultId : config().string(Setting.VAULT_ENCRYPT_IDENTITY).orElse(null);
            if (id != null) {
                return secrets.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new ExitException(
                        ExitCodes.BAD_INPUT, "Did not find a match for --encrypt-vault-id=" + id + " in the known vault-ids "
                        + secrets.stream().map(VaultSecret::id).toList()));
            }
            if (secrets.size() > 1) {
                throw new ExitException(ExitCodes.BAD_INPUT, "The vault-ids " + String.join(",",
                        secrets.stream().map(VaultSecret::id).toList())
                        + " are available to encrypt. Specify the vault-id to encrypt with --encrypt-vault-id");
            }
            return secrets.get(0);
        }

        static void requireVaulted(String text, String name) {
            if (!VaultEnvelope.isVaulted(text)) {
                throw new ExitException(ExitCodes.BAD_INPUT, "input is not vault encrypted data. " + name + " is not a vault encrypted file");
            }
        }
    }
}
