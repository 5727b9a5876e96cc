package io.lvsplay.engine.output;

import java.util.ArrayList;
import java.util.List;

/** A unified diff (like diff -u, 3 lines of context) of two texts, for --diff. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String of(String label, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<int[]> ops = editScript(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- before").append(label == null ? "" : ": " + label).append('\n');
        out.append("+++ after").append(label == null ? "" : ": " + label).append('\n');
        int i = 0;
        while (i < ops.size()) {
            while (i < ops.size() && ops.get(i)[0] == 0) {
                i++;
            }
            if (i >= ops.size()) {
                break;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end)[0] != 0) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            appendHunk(out, ops.subList(start, end), a, b);
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<int[]> hunk, List<String> a, List<String> b) {
        int aStart = -1;
        int bStart = -1;
        int aLen = 0;
        int bLen = 0;
        for (int[] op : hunk) {
            if (op[0] != 1 && aStart < 0) {
                aStart = op[1];
            }
            if (op[0] != -1 && bStart < 0) {
                bStart = op[2];
            }
            if (op[0] != 1) {
                aLen++;
            }
            if (op[0] != -1) {
                bLen++;
            }
        }
        int[] first = hunk.get(0);
        if (aStart < 0) {
            aStart = first[1];
        }
        if (bStart < 0) {
            bStart = first[2];
        }
        out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
        for (int[] op : hunk) {
            switch (op[0]) {
                case 0 -> out.append(' ').append(a.get(op[1])).append('\n');
                case -1 -> out.append('-').append(a.get(op[1])).append('\n');
                default -> out.append('+').append(b.get(op[2])).append('\n');
            }
        }
    }

    private static String range(int start, int len) {
        int shown = len == 0 ? start : start + 1;
        return len == 1 ? String.valueOf(shown) : shown + "," + len;
    }

    /** Edit script as [kind, indexInA, indexInB]: 0 keep, -1 delete from a, 1 insert from b (LCS based). */
    private static List<int[]> editScript(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<int[]> ops = new ArrayList<>();
        if ((long) n * m > 4_000_000L) {
            // too big for the quadratic table: show it as a whole replacement
            for (int i = 0; i < n; i++) {
                ops.add(new int[] {-1, i, 0});
            }
            for (int j = 0; j < m; j++) {
                ops.add(new int[] {1, n, j});
            }
            return ops;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new int[] {0, i++, j++});
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                ops.add(new int[] {1, i, j++});
            } else {
                ops.add(new int[] {-1, i++, j});
            }
        }
        return ops;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
