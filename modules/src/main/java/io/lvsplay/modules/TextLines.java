package io.lvsplay.modules;

import java.util.ArrayList;
import java.util.List;

/** Lines with their endings kept, like Python's readlines(): joining them gives the text back. */
final class TextLines {
    private TextLines() {
    }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String join(List<String> lines) {
        return String.join("", lines);
    }

    static String stripEnding(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    static boolean endsWithNewline(String line) {
        return line.endsWith("\n") || line.endsWith("\r");
    }
}
