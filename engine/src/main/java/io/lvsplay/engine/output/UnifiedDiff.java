package io.lvsplay.engine.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff for --diff as Ansible prints it (Python's difflib.unified_diff, 3 lines of context,
 * "before: FILE" / "after: FILE" headers, "\ No newline at end of file" markers). The edit script
 * comes from java-diff-utils (Myers); the hunks are grouped and numbered as difflib does.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {
    }

    public static String of(String label, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
        StringBuilder out = new StringBuilder();
        out.append("--- before").append(label == null ? "" : ": " + label).append('\n');
        out.append("+++ after").append(label == null ? "" : ": " + label).append('\n');
        for (List<AbstractDelta<String>> hunk : hunks(deltas)) {
            appendHunk(out, hunk, a, b);
        }
        return out.toString();
    }

    /** Deltas whose unchanged gap is at most twice the context share a hunk. */
    private static List<List<AbstractDelta<String>>> hunks(List<AbstractDelta<String>> deltas) {
        List<List<AbstractDelta<String>>> hunks = new ArrayList<>();
        for (AbstractDelta<String> delta : deltas) {
            List<AbstractDelta<String>> last = hunks.isEmpty() ? null : hunks.get(hunks.size() - 1);
            if (last != null && delta.getSource().getPosition() - end(last.get(last.size() - 1)) <= 2 * CONTEXT) {
                last.add(delta);
            } else {
                hunks.add(new ArrayList<>(List.of(delta)));
            }
        }
        return hunks;
    }

    private static int end(AbstractDelta<String> delta) {
        return delta.getSource().getPosition() + delta.getSource().size();
    }

    private static void appendHunk(StringBuilder out, List<AbstractDelta<String>> hunk, List<String> a, List<String> b) {
        AbstractDelta<String> first = hunk.get(0);
        AbstractDelta<String> last = hunk.get(hunk.size() - 1);
        int aStart = Math.max(0, first.getSource().getPosition() - CONTEXT);
        int aEnd = Math.min(a.size(), end(last) + CONTEXT);
        int bStart = first.getTarget().getPosition() - (first.getSource().getPosition() - aStart);
        int bEnd = last.getTarget().getPosition() + last.getTarget().size() + (aEnd - end(last));
        out.append("@@ -").append(range(aStart, aEnd)).append(" +").append(range(bStart, bEnd)).append(" @@\n");
        int i = aStart;
        for (AbstractDelta<String> delta : hunk) {
            for (; i < delta.getSource().getPosition(); i++) {
                out.append(' ').append(a.get(i)).append('\n');
            }
            delta.getSource().getLines().forEach(line -> out.append('-').append(line).append('\n'));
            delta.getTarget().getLines().forEach(line -> out.append('+').append(line).append('\n'));
            i = end(delta);
        }
        for (; i < aEnd; i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
    }

    /** difflib's _format_range_unified: "N" for one line, "N,len" otherwise, "N-1,0" when empty. */
    private static String range(int start, int end) {
        int length = end - start;
        if (length == 1) {
            return String.valueOf(start + 1);
        }
        return (length == 0 ? start : start + 1) + "," + length;
    }

    /** Lines without their newline; a last line without one carries difflib's marker, as Ansible adds it. */
    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        } else {
            int lastIndex = lines.size() - 1;
            lines.set(lastIndex, lines.get(lastIndex) + "\n" + NO_NEWLINE);
        }
        return lines;
    }
}
