package io.lvsplay.engine.remote;

import java.util.List;
import java.util.regex.Pattern;

/**
 * POSIX shell quoting. Every value that ends up in a remote command line goes through here:
 * inside single quotes the shell interprets nothing, and a single quote itself is written as
 * {@code '"'"'} (close, double-quoted quote, reopen).
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** One shell word that the shell reads back as exactly {@code value}. */
    public static String quote(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    /** Quotes each word and joins them with spaces: an argv the shell does not reinterpret. */
    public static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(quote(word));
        }
        return out.toString();
    }
}
