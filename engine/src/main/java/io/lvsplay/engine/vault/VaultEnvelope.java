package io.lvsplay.engine.vault;

import java.util.ArrayList;
import java.util.List;

/**
 * The text around a vault body: "$ANSIBLE_VAULT;1.1;AES256" or "$ANSIBLE_VAULT;1.2;AES256;label"
 * on the first line, then the hex body in lines of 80, ending with a newline (as ansible-vault writes).
 */
public record VaultEnvelope(String version, String cipher, String vaultId, String body) {
    public static final String HEADER = "$ANSIBLE_VAULT";

    public static boolean isVaulted(String text) {
        return text != null && text.stripLeading().startsWith(HEADER + ";");
    }

    public static VaultEnvelope parse(String text) {
        String trimmed = text.strip();
        int eol = trimmed.indexOf('\n');
        String header = (eol < 0 ? trimmed : trimmed.substring(0, eol)).strip();
        String[] fields = header.split(";");
        if (fields.length < 3 || !HEADER.equals(fields[0])) {
            throw new VaultError("not a vault text: the first line must be '$ANSIBLE_VAULT;1.1;AES256'");
        }
        if (!fields[1].equals("1.1") && !fields[1].equals("1.2")) {
            throw new VaultError("lvsplay does not support vault format " + fields[1] + " (only 1.1 and 1.2)");
        }
        if (!fields[2].strip().equals("AES256")) {
            throw new VaultError("vault cipher " + fields[2] + " is not supported (Ansible and lvsplay use AES256)");
        }
        String id = fields[1].equals("1.2") && fields.length > 3 ? fields[3].strip() : null;
        String body = eol < 0 ? "" : trimmed.substring(eol + 1).replaceAll("\\s", "");
        return new VaultEnvelope(fields[1], "AES256", id, body);
    }

    /** ansible-vault's layout; a vault id other than "default" makes it a 1.2 envelope. */
    public static String format(String body, String vaultId) {
        boolean labelled = vaultId != null && !vaultId.equals(VaultSecret.DEFAULT_ID);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER + (labelled ? ";1.2;AES256;" + vaultId : ";1.1;AES256"));
        for (int i = 0; i < body.length(); i += 80) {
            lines.add(body.substring(i, Math.min(body.length(), i + 80)));
        }
        return String.join("\n", lines) + "\n";
    }
}
