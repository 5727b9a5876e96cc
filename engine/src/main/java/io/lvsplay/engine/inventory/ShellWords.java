package io.lvsplay.engine.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words like Python's {@code shlex.split(line, comments=True)}, which is
 * what Ansible uses for INI host lines: quotes group words and are removed, a backslash
 * escapes outside single quotes, and an unquoted {@code #} ends the line.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** @throws IllegalArgumentException for an unclosed quote, with a message fit for users */
    static List<String> split(String line) {
        return split(line, true);
    }

    /**
     * {@code shlex.split(line, comments)}: without comments, as the command module splits its
     * command line, a {@code #} is an ordinary character.
     * @throws IllegalArgumentException for an unclosed quote, with a message fit for users
     */
    public static List<String> split(String line, boolean comments) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && comments) {
                break;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("no closing quotation (') in: " + line);
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length()) {
                    word.append(line.charAt(i + 1));
                }
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part starting after its opening quote; returns the index after the closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            // Inside double quotes shlex only lets a backslash escape a double quote or a backslash.
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("no closing quotation (\") in: " + line);
    }
}
