package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import io.lvsplay.engine.config.Setting;
import io.lvsplay.engine.vault.VaultKeyring;
import io.lvsplay.engine.vault.VaultPasswordSource;
import io.lvsplay.engine.vault.VaultSecret;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --vault-id, --vault-password-file, --ask-vault-pass, as ansible-playbook and ansible-vault take them. */
final class VaultOptions {
    @Option(names = "--vault-id", paramLabel = "[LABEL@]SOURCE",
            description = "A vault password: SOURCE is a file, an executable script, or 'prompt' (repeatable).")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "FILE",
            description = "File holding the vault password, or a script printing it (repeatable).")
    List<Path> passwordFiles = new ArrayList<>();

    @Option(names = {"-J", "--ask-vault-pass", "--ask-vault-password"}, description = "Ask for the vault password.")
    boolean askVaultPass;

    /**
     * The run's secrets in Ansible's order: vault_identity_list, --vault-id, --vault-password-file,
     * vault_password_file, then the prompt (asked for, or when promptIfNone and nothing else was given).
     */
    List<VaultSecret> secrets(AnsibleConfig config, boolean promptIfNone) {
        List<String> specs = new ArrayList<>(config.list(Setting.VAULT_IDENTITY_LIST));
        specs.addAll(vaultIds);
        passwordFiles.forEach(f -> specs.add(VaultSecret.DEFAULT_ID + "@" + f));
        config.path(Setting.VAULT_PASSWORD_FILE).ifPresent(f -> specs.add(VaultSecret.DEFAULT_ID + "@" + f));
        if (askVaultPass || specs.isEmpty() && promptIfNone) {
            specs.add(VaultSecret.DEFAULT_ID + "@prompt");
        }
        List<VaultSecret> secrets = new ArrayList<>();
        for (String spec : specs) {
            secrets.add(VaultPasswordSource.fromVaultId(spec, VaultOptions::prompt));
        }
        return secrets;
    }

    /** Installs the run's keyring for the loaders. */
    VaultKeyring install(AnsibleConfig config) {
        VaultKeyring keyring = new VaultKeyring(secrets(config, false));
        VaultKeyring.install(keyring);
        return keyring;
    }

    static String prompt(String text) {
        Console console = System.console();
        if (console == null) {
            throw new ExitException(ExitCodes.BAD_INPUT, "a vault password prompt needs a terminal",
                    "Give the password with --vault-password-file FILE or --vault-id LABEL@FILE instead.");
        }
        char[] password = console.readPassword(text);
        if (password == null) {
            throw new ExitException(ExitCodes.BAD_INPUT, "no vault password was entered");
        }
        return new String(password);
    }
}
