package io.lvsplay.cli;

import io.lvsplay.engine.vault.VaultKeyring;
import io.lvsplay.engine.vault.VaultSecret;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ansible-vault encrypt_string: prints "name: !vault |" YAML to paste into a vars file. */
@Command(name = "encrypt_string", aliases = "encrypt-string", mixinStandardHelpOptions = true,
        description = "Encrypts strings for inline use in YAML ('-' or none reads stdin).")
final class VaultEncryptString extends VaultCommand.VaultSubcommand {
    @Parameters(paramLabel = "STRING", arity = "0..*")
    List<String> strings = new ArrayList<>();

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Variable name for each string, in order (repeatable).")
    List<String> names = new ArrayList<>();

    @Option(names = "--stdin-name", paramLabel = "NAME", description = "Variable name for the string read from stdin.")
    String stdinName;

    @Override
    int doCall() {
        VaultSecret secret = encryptSecret(vault.secrets(config(), true));
        List<String[]> items = new ArrayList<>();
        if (strings.isEmpty() || strings.equals(List.of("-"))) {
            if (System.console() != null) {
                System.err.println("Reading plaintext input from stdin. (ctrl-d to end input, twice if your content does not already have a newline)");
            }
            String text = VaultFileCommands.read("-");
            if (text.isEmpty()) {
                throw new ExitException(ExitCodes.BAD_INPUT, "stdin was empty, not encrypting");
            }
            items.add(new String[] {stdinName, text});
        } else {
            for (int i = 0; i < strings.size(); i++) {
                items.add(new String[] {i < names.size() ? names.get(i) : null, strings.get(i)});
            }
        }
        List<String> blocks = new ArrayList<>();
        for (String[] item : items) {
            blocks.add(yaml(item[0], VaultKeyring.encrypt(item[1], secret)));
        }
        System.out.println(String.join("\n", blocks));
        System.err.println("Encryption successful");
        return ExitCodes.OK;
    }

    /** ansible-vault's layout: "name: !vault |" then the envelope indented by 10. */
    static String yaml(String name, String envelope) {
        StringBuilder out = new StringBuilder(name == null ? "" : name + ": ").append("!vault |");
        envelope.lines().forEach(line -> out.append('\n').append(" ".repeat(10)).append(line));
        return out.toString();
    }
}
