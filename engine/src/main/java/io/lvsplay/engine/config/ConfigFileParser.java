package io.lvsplay.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An INI file as Python's configparser reads ansible.cfg: [section], "key = value" or "key: value",
 * whole-line comments with # or ;, inline comments after " ;", indented continuation lines.
 */
final class ConfigFileParser {
    record Entry(String section, String key, String value, int line) {
    }

    private ConfigFileParser() {
    }

    static List<Entry> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot read: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && !entries.isEmpty() && section != null) {
                Entry last = entries.remove(entries.size() - 1);
                entries.add(new Entry(last.section(), last.key(), last.value() + "\n" + stripComment(line), last.line()));
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ConfigError(file + ":" + (i + 1) + ": section header must look like [defaults]");
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = firstSeparator(line);
            if (section == null || eq <= 0) {
                throw new ConfigError(file + ":" + (i + 1) + ": " + (section == null
                        ? "option outside any [section]" : "expected 'key = value'") + ": " + line);
            }
            entries.add(new Entry(section, line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    stripComment(line.substring(eq + 1).strip()), i + 1));
        }
        return entries;
    }

    private static int firstSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static String stripComment(String value) {
        int semi = value.indexOf(" ;");
        return (semi < 0 ? value : value.substring(0, semi)).strip();
    }
}
