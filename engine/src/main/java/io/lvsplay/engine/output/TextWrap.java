package io.lvsplay.engine.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.wrap} with its defaults, which ansible-playbook uses for warnings (80
 * columns when stdout is not a terminal): whitespace becomes spaces, lines break between words or
 * after a hyphen inside a word, a word longer than the width is cut.
 */
public final class TextWrap {
    /** Runs of spaces, or words; a word also ends after a hyphen between letters, as textwrap's wordsep_re. */
    private static final Pattern CHUNK = Pattern.compile(
            " +|[^ ]+?(?:-(?:(?<=\\p{L}{2}-)|(?<=\\p{L}-\\p{L}-))(?=\\p{L}-?\\p{L})|(?= )|$)");

    private TextWrap() {
    }

    public static List<String> wrap(String text, int width) {
        List<String> chunks = new ArrayList<>();
        Matcher m = CHUNK.matcher(text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        while (m.find()) {
            if (!m.group().isEmpty()) {
                chunks.add(m.group());
            }
        }
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            if (!lines.isEmpty() && chunks.get(next).isBlank()) {
                next++;
                continue;
            }
            StringBuilder line = new StringBuilder();
            while (next < chunks.size() && line.length() + chunks.get(next).length() <= width) {
                line.append(chunks.get(next++));
            }
            if (next < chunks.size() && chunks.get(next).length() > width) {
                int room = Math.max(1, width - line.length());
                String word = chunks.get(next);
                line.append(word, 0, room);
                chunks.set(next, word.substring(room));
            }
            String done = line.toString().stripTrailing();
            if (!done.isEmpty()) {
                lines.add(done);
            }
        }
        return lines;
    }
}
