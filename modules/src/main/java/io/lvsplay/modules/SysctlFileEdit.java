package io.lvsplay.modules;

import java.util.ArrayList;
import java.util.List;

/**
 * The edit of a sysctl.conf for one key: exactly one {@code key=value} line when present
 * (the first existing line is replaced in place, later duplicates are dropped, never a second
 * line appended), none when absent. Comments and other keys are left as they are. Pure.
 */
final class SysctlFileEdit {
    private SysctlFileEdit() {
    }

    /** {@code value} null means the key must be absent. */
    static List<String> apply(List<String> original, String key, String value) {
        List<String> out = new ArrayList<>();
        boolean written = false;
        for (String line : original) {
            String existingKey = keyOf(line);
            if (!key.equals(existingKey)) {
                out.add(line);
                continue;
            }
            if (value == null || written) {
                continue;
            }
            written = true;
            String existingValue = valueOf(line);
            out.add(normalize(existingValue).equals(normalize(value)) && line.endsWith("\n")
                    ? line : key + (line.contains(" = ") ? " = " : "=") + value + "\n");
        }
        if (value != null && !written) {
            if (!out.isEmpty() && !TextLines.endsWithNewline(out.get(out.size() - 1))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n");
            }
            out.add(key + "=" + value + "\n");
        }
        return out;
    }

    /** The key of a setting line, or null for blanks, comments and lines without '='. */
    static String keyOf(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";") || !t.contains("=")) {
            return null;
        }
        String key = t.substring(0, t.indexOf('=')).strip();
        // a leading '-' tells sysctl -p to ignore errors for this key; it is still the same key
        return key.startsWith("-") ? key.substring(1).strip() : key;
    }

    static String valueOf(String line) {
        String t = line.strip();
        return t.substring(t.indexOf('=') + 1).strip();
    }

    /** sysctl prints multi-value settings with tabs; files use spaces: compare word by word. */
    static String normalize(String value) {
        return String.join(" ", value.strip().split("\\s+"));
    }
}
