package io.lvsplay.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lineinfile's edit of a list of lines, step for step as Ansible's lineinfile.py does it, so
 * playbooks written for Ansible edit files the same way. Pure: no host involved.
 */
record LineEdit(List<String> lines, String msg, Integer found) {
    private static final String SEP = "\n";

    static LineEdit present(List<String> original, String line, String regexp, String searchString,
                            String insertAfter, String insertBefore, boolean backrefs, boolean firstMatch) {
        List<String> lines = new ArrayList<>(original);
        Pattern re = regexp == null ? null : PythonRegex.compile(regexp, "regexp");
        Pattern insertRe = null;
        if (insertAfter != null && !insertAfter.equals("BOF") && !insertAfter.equals("EOF")) {
            insertRe = PythonRegex.compile(insertAfter, "insertafter");
        } else if (insertBefore != null && !insertBefore.equals("BOF")) {
            insertRe = PythonRegex.compile(insertBefore, "insertbefore");
        }
        int matchIndex = -1;
        int insertIndex = -1;
        Matcher match = null;
        boolean matched = false;
        // 1. the last (or first) line matching regexp / search_string is the one to replace
        for (int i = 0; i < lines.size(); i++) {
            String cur = lines.get(i);
            if (re != null) {
                Matcher m = re.matcher(cur);
                if (m.find()) {
                    matchIndex = i;
                    match = m;
                    matched = true;
                    if (firstMatch) {
                        break;
                    }
                }
            } else if (searchString != null && cur.contains(searchString)) {
                matchIndex = i;
                matched = true;
                if (firstMatch) {
                    break;
                }
            }
        }
        // 2. no match: look for the exact line, and for the insertafter/insertbefore anchor
        if (!matched) {
            for (int i = 0; i < lines.size(); i++) {
                String cur = lines.get(i);
                if (line.equals(TextLines.stripEnding(cur))) {
                    matchIndex = i;
                } else if (insertRe != null && insertRe.matcher(cur).find()) {
                    if (insertAfter != null) {
                        insertIndex = i + 1;
                        if (firstMatch) {
                            break;
                        }
                    }
                    if (insertBefore != null) {
                        insertIndex = i;
                        if (firstMatch) {
                            break;
                        }
                    }
                }
            }
        }
        if (matchIndex != -1) {
            String newLine = backrefs && match != null ? PythonRegex.expand(match, line) : line;
            if (!newLine.endsWith(SEP)) {
                newLine += SEP;
            }
            if (!lines.get(matchIndex).equals(newLine)) {
                lines.set(matchIndex, newLine);
                return new LineEdit(lines, "line replaced", null);
            }
            return new LineEdit(lines, "", null);
        }
        if (backrefs) {
            // without a match there is nothing to fill the backreferences from: leave the file alone
            return new LineEdit(lines, "", null);
        }
        if ("BOF".equals(insertBefore) || "BOF".equals(insertAfter)) {
            lines.add(0, line + SEP);
            return new LineEdit(lines, "line added", null);
        }
        if ("EOF".equals(insertAfter) || insertIndex == -1) {
            if (!lines.isEmpty() && !TextLines.endsWithNewline(lines.get(lines.size() - 1))) {
                lines.add(SEP);
            }
            lines.add(line + SEP);
            return new LineEdit(lines, "line added", null);
        }
        if (insertAfter != null) {
            if (lines.size() == insertIndex) {
                if (!TextLines.stripEnding(lines.get(insertIndex - 1)).equals(line)) {
                    lines.add(line + SEP);
                    return new LineEdit(lines, "line added", null);
                }
                return new LineEdit(lines, "", null);
            }
            if (!line.equals(TextLines.stripEnding(lines.get(insertIndex)))) {
                lines.add(insertIndex, line + SEP);
                return new LineEdit(lines, "line added", null);
            }
            return new LineEdit(lines, "", null);
        }
        lines.add(insertIndex, line + SEP);
        return new LineEdit(lines, "line added", null);
    }

    static LineEdit absent(List<String> original, String line, String regexp, String searchString) {
        Pattern re = regexp == null ? null : PythonRegex.compile(regexp, "regexp");
        List<String> kept = new ArrayList<>();
        int found = 0;
        for (String cur : original) {
            boolean matches;
            if (re != null) {
                matches = re.matcher(cur).find();
            } else if (searchString != null) {
                matches = cur.contains(searchString);
            } else {
                matches = line.equals(TextLines.stripEnding(cur));
            }
            if (matches) {
                found++;
            } else {
                kept.add(cur);
            }
        }
        return new LineEdit(kept, found > 0 ? found + " line(s) removed" : "", found);
    }
}
