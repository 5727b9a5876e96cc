package io.lvsplay.modules;

import io.lvsplay.engine.module.ModuleFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code mode:} argument into the 4-digit octal string stat reports. Accepts what
 * Ansible accepts: octal strings ("0644", "644"), YAML integers (0644 is read by YAML 1.1 as
 * the number 420, so numbers are taken as already-converted permission bits) and symbolic
 * modes ("u=rw,g=r,o=r", "u+x", "a-w"), which depend on the current mode.
 */
final class FileMode {
    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3,4}");
    private static final Pattern CLAUSE = Pattern.compile("([ugoa]*)([-+=])([rwxXst]*|[ugo])");

    private FileMode() {
    }

    /**
     * The desired mode as "0644", given the current one ("0600", or null for a new path) and
     * whether the path is a directory (for the X permission). Null when no mode was asked for.
     */
    static String resolve(Object mode, String current, boolean directory) {
        if (mode == null) {
            return null;
        }
        if (mode instanceof Number n) {
            return format(n.intValue());
        }
        String text = String.valueOf(mode).trim();
        if (OCTAL.matcher(text).matches()) {
            return format(Integer.parseInt(text, 8));
        }
        int base = current == null ? (directory ? 0755 : 0644) : Integer.parseInt(current, 8);
        return format(applySymbolic(text, base, directory));
    }

    static String format(int bits) {
        String octal = Integer.toOctalString(bits & 07777);
        return "0".repeat(Math.max(0, 4 - octal.length())) + octal;
    }

    private static int applySymbolic(String spec, int mode, boolean directory) {
        for (String clause : spec.split(",")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new ModuleFailure("mode must be in octal or symbolic form, got '" + spec + "'");
            }
            int who = who(m.group(1));
            int perms = permissions(m.group(3), mode, directory);
            switch (m.group(2)) {
                case "+" -> mode |= perms & who;
                case "-" -> mode &= ~(perms & who);
                default -> mode = (mode & ~who) | (perms & who);
            }
        }
        return mode;
    }

    private static int who(String users) {
        if (users.isEmpty() || users.contains("a")) {
            return 07777;
        }
        int mask = 0;
        if (users.contains("u")) {
            mask |= 04700;
        }
        if (users.contains("g")) {
            mask |= 02070;
        }
        if (users.contains("o")) {
            mask |= 01007;
        }
        return mask;
    }

    private static int permissions(String letters, int mode, boolean directory) {
        if (letters.length() == 1 && "ugo".contains(letters)) {
            int shift = switch (letters) {
                case "u" -> 6;
                case "g" -> 3;
                default -> 0;
            };
            int bits = (mode >> shift) & 7;
            return bits << 6 | bits << 3 | bits;
        }
        int out = 0;
        for (char c : letters.toCharArray()) {
            out |= switch (c) {
                case 'r' -> 0444;
                case 'w' -> 0222;
                case 'x' -> 0111;
                case 'X' -> (directory || (mode & 0111) != 0) ? 0111 : 0;
                case 's' -> 06000;
                default -> 01000;
            };
        }
        return out;
    }
}
