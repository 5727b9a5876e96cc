package io.lvsplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.posix.mount's fstab edits on Linux, line for line: a line for the mount point (4 to 6
 * fields when setting, exactly 6 when removing; a swap line only if its src matches) has its fields
 * replaced and is rewritten only if one differs; otherwise the new line is appended. Spaces, '&'
 * and backslashes are escaped as octal, as fstab wants.
 */
final class FstabEdit {
    private static final String[] LABELS = {"src", "name", "fstype", "opts", "dump", "passno"};

    record Result(String text, boolean changed) {}

    private FstabEdit() {
    }

    static String escape(String v) {
        return v.replace("\\", "\\134").replace(" ", "\\040").replace("&", "\\046");
    }

    /** {@code entry}: src, name, fstype, opts, dump, passno (unescaped). */
    static Result set(String fstab, Map<String, String> entry) {
        Map<String, String> escaped = new LinkedHashMap<>();
        entry.forEach((k, v) -> escaped.put(k, escape(v)));
        StringBuilder out = new StringBuilder();
        boolean exists = false;
        boolean changed = false;
        for (String line : lines(fstab)) {
            if (!line.endsWith("\n")) {
                line += "\n";
            }
            String[] fields = line.strip().split("\\s+");
            if (line.strip().isEmpty() || line.strip().startsWith("#") || fields.length < 4 || fields.length > 6) {
                out.append(line);
                continue;
            }
            Map<String, String> ld = new LinkedHashMap<>(Map.of("dump", "0", "passno", "0"));
            for (int i = 0; i < fields.length; i++) {
                ld.put(LABELS[i], fields[i]);
            }
            if (!matches(ld, escaped.get("name"), entry.get("src"))) {
                out.append(line);
                continue;
            }
            exists = true;
            boolean differs = false;
            for (String t : List.of("src", "fstype", "opts", "dump", "passno")) {
                if (!ld.get(t).equals(escaped.get(t))) {
                    ld.put(t, escaped.get(t));
                    differs = true;
                }
            }
            changed |= differs;
            out.append(differs ? format(ld) : line);
        }
        if (!exists) {
            out.append(format(escaped));
            changed = true;
        }
        return new Result(out.toString(), changed);
    }

    static Result unset(String fstab, String name, String src) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        String escapedName = escape(name);
        for (String line : lines(fstab)) {
            String[] fields = line.strip().split("\\s+");
            if (line.strip().isEmpty() || line.strip().startsWith("#") || fields.length != 6) {
                out.append(line);
                continue;
            }
            Map<String, String> ld = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                ld.put(LABELS[i], fields[i]);
            }
            if (!matches(ld, escapedName, src)) {
                out.append(line);
                continue;
            }
            changed = true;
        }
        return new Result(out.toString(), changed);
    }

    private static boolean matches(Map<String, String> ld, String name, String src) {
        boolean otherSwap = src != null && ld.get("name").equals("none") && ld.get("fstype").equals("swap")
                && !ld.get("src").equals(src);
        return ld.get("name").equals(name) && !otherSwap;
    }

    private static String format(Map<String, String> d) {
        return d.get("src") + " " + d.get("name") + " " + d.get("fstype") + " " + d.get("opts") + " "
                + d.get("dump") + " " + d.get("passno") + "\n";
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }
}
