package io.lvsplay.modules.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * community.general.ini_file's edit of an ini text, line for line its do_ini: a section found by
 * prefix "[name]", options matched even when commented out (then rewritten active), several values
 * per option (values, exclusive), options without value (allow_no_value), the whole section removed
 * (state absent without option). A section-less option lives before the first section.
 */
final class IniEdit {
    private static final String FAKE = "ad01e11446efb704fcdbdb21f2c43757423d91c5";
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t]*([#;].*)?$");

    record Result(String text, String msg) {}

    private IniEdit() {
    }

    static Result apply(String original, String section, String option, List<String> wantedValues, boolean present,
                        boolean exclusive, boolean noExtraSpaces, boolean allowNoValue) {
        List<String> values = new ArrayList<>();
        wantedValues.stream().filter(v -> v != null && !values.contains(v)).forEach(values::add);
        List<String> lines = splitKeepingNewlines(original);
        if (lines.isEmpty()) {
            lines.add("\n");
        }
        String last = lines.get(lines.size() - 1);
        if (last.isEmpty() || !last.endsWith("\n")) {
            lines.set(lines.size() - 1, last + "\n");
        }
        lines.add(0, "[" + FAKE + "]");
        lines.add("[");
        String sec = section == null || section.isEmpty() ? FAKE : section;
        String format = noExtraSpaces ? "%s=%s\n" : "%s = %s\n";
        String msg = "OK";
        boolean within = false;
        int start = 0;
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("[" + sec + "]")) {
                within = true;
                start = i;
            } else if (line.startsWith("[") && within) {
                end = i;
                break;
            }
        }
        List<String> before = new ArrayList<>(lines.subList(0, start));
        List<String> sectionLines = new ArrayList<>(lines.subList(start, end));
        List<String> after = new ArrayList<>(lines.subList(end, lines.size()));
        List<Boolean> touched = new ArrayList<>(sectionLines.stream().map(l -> false).toList());
        boolean noValuePresent = false;
        if (present && option != null) {
            for (int i = 0; i < sectionLines.size(); i++) {
                Matcher m = matchOption(option, sectionLines.get(i), true);
                if (m == null) {
                    continue;
                }
                if (!values.isEmpty() && values.contains(m.group(6))) {
                    String v = m.group(6);
                    String line = v.isEmpty() && allowNoValue ? option + "\n" : String.format(format, option, v);
                    noValuePresent |= v.isEmpty() && allowNoValue;
                    msg = update(sectionLines, touched, i, line, msg);
                    values.remove(v);
                } else if (values.isEmpty() && allowNoValue) {
                    msg = update(sectionLines, touched, i, option + "\n", msg);
                    noValuePresent = true;
                    break;
                }
            }
        }
        if (present && exclusive && !allowNoValue && option != null) {
            for (int i = 0; i < sectionLines.size() && !values.isEmpty(); i++) {
                if (!touched.get(i) && matchOption(option, sectionLines.get(i), true) != null) {
                    msg = update(sectionLines, touched, i, String.format(format, option, values.remove(0)), msg);
                }
            }
            for (int i = sectionLines.size() - 1; i > 0; i--) {
                if (!touched.get(i) && matchOption(option, sectionLines.get(i), true) != null) {
                    sectionLines.remove(i);
                    touched.remove(i);
                    msg = "option changed";
                }
            }
        }
        if (present) {
            for (int i = sectionLines.size(); i > 0; i--) {
                if (!BLANK_OR_COMMENT.matcher(strip(sectionLines.get(i - 1))).matches()) {
                    if (option != null && !values.isEmpty()) {
                        for (int v = values.size() - 1; v >= 0; v--) {
                            sectionLines.add(i, String.format(format, option, values.get(v)));
                        }
                        msg = "option added";
                    } else if (option != null && allowNoValue && !noValuePresent) {
                        sectionLines.add(i, option + "\n");
                        msg = "option added";
                    }
                    break;
                }
            }
        } else if (option != null) {
            int size = sectionLines.size();
            sectionLines.removeIf(l -> {
                Matcher m = matchOption(option, l, false);
                return m != null && (exclusive || values.contains(m.group(6)));
            });
            if (sectionLines.size() != size) {
                msg = "option changed";
            }
        } else if (!sectionLines.isEmpty()) {
            sectionLines.clear();
            msg = "section removed";
        }
        List<String> out = new ArrayList<>(before);
        out.addAll(sectionLines);
        out.addAll(after);
        out.remove(0);
        out.remove(out.size() - 1);
        if (!within && present) {
            out.add("[" + sec + "]\n");
            msg = "section and option added";
            if (option != null && !values.isEmpty()) {
                values.forEach(v -> out.add(String.format(format, option, v)));
            } else if (option != null && allowNoValue) {
                out.add(option + "\n");
            } else {
                msg = "only section added";
            }
        }
        return new Result(String.join("", out), msg);
    }

    private static String update(List<String> lines, List<Boolean> touched, int i, String line, String msg) {
        String result = lines.get(i).equals(line) ? msg : "option changed";
        lines.set(i, line);
        touched.set(i, true);
        return result;
    }

    /* Python's re.match on a line: '$' may match before its newline, '.' never crosses it. */
    private static Matcher matchOption(String option, String line, boolean commentedToo) {
        Matcher m = Pattern.compile((commentedToo ? "[#;]?" : "") + "( |\\t)*(" + Pattern.quote(option)
                + ")( |\\t)*(=|$)( |\\t)*(.*)").matcher(strip(line));
        return m.lookingAt() ? m : null;
    }

    private static String strip(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static List<String> splitKeepingNewlines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(from, to));
            from = to;
        }
        return lines;
    }
}
