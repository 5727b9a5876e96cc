package io.lvsplay.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of YAML the agent config needs: block mappings and sequences by indentation, flow mappings
 * {@code {a: 1, b: "x"}} and flow sequences {@code [a, b]}, plain/single/double-quoted scalars and {@code #}
 * comments. No anchors, tags, multi-line scalars or multiple documents; those are rejected or read as text.
 * It exists so the agent has no runtime dependency beyond the JDK.
 */
public final class YamlSubsetParser {

    private record Line(int indent, String text, int number) {
    }

    private final String file;
    private final List<Line> lines = new ArrayList<>();
    private int pos;

    private YamlSubsetParser(String file, String text) throws InvalidConfigException {
        this.file = file;
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String l = stripComment(raw[i]);
            if (l.isBlank() || l.trim().equals("---")) {
                continue;
            }
            if (l.indexOf('\t') >= 0 && l.substring(0, indentOf(l) + 1).contains("\t")) {
                throw new InvalidConfigException(file, i + 1, "tab in indentation; YAML indents with spaces");
            }
            int indent = indentOf(l);
            lines.add(new Line(indent, l.substring(indent).stripTrailing(), i + 1));
        }
    }

    /** Parses a whole document; an empty document is an empty mapping. */
    public static YamlNode parse(String file, String text) throws InvalidConfigException {
        YamlSubsetParser p = new YamlSubsetParser(file, text);
        if (p.lines.isEmpty()) {
            return new YamlNode.Mapping(new LinkedHashMap<>(), 1);
        }
        YamlNode root = p.block(p.lines.get(0).indent());
        if (p.pos < p.lines.size()) {
            Line l = p.lines.get(p.pos);
            throw new InvalidConfigException(file, l.number(), "unexpected indentation; expected a key at column " + (p.lines.get(0).indent() + 1));
        }
        return root;
    }

    private static int indentOf(String l) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Removes a comment: '#' at line start or after a blank, outside quotes. */
    private static String stripComment(String l) {
        char quote = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(l.charAt(i - 1)))) {
                return l.substring(0, i);
            }
        }
        return l;
    }

    private YamlNode block(int indent) throws InvalidConfigException {
        Line first = lines.get(pos);
        if (isSequenceItem(first.text())) {
            return sequence(indent);
        }
        return mapping(indent);
    }

    private static boolean isSequenceItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private YamlNode sequence(int indent) throws InvalidConfigException {
        List<YamlNode> items = new ArrayList<>();
        int startLine = lines.get(pos).number();
        while (pos < lines.size() && lines.get(pos).indent() == indent && isSequenceItem(lines.get(pos).text())) {
            Line l = lines.get(pos);
            String rest = l.text().substring(1);
            int restIndent = indent + 1 + indentOf(rest);
            rest = rest.trim();
            if (rest.isEmpty()) {
                pos++;
                items.add(childBlock(indent, l));
            } else if (keyOf(rest) != null) {
                // "- key: value" opens a mapping whose further keys sit at the column of "key".
                lines.set(pos, new Line(restIndent, rest, l.number()));
                items.add(mapping(restIndent));
            } else {
                pos++;
                items.add(inline(rest, l.number()));
            }
        }
        return new YamlNode.Sequence(items, startLine);
    }

    private YamlNode mapping(int indent) throws InvalidConfigException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        int startLine = lines.get(pos).number();
        while (pos < lines.size() && lines.get(pos).indent() == indent && !isSequenceItem(lines.get(pos).text())) {
            Line l = lines.get(pos);
            String key = keyOf(l.text());
            if (key == null) {
                throw new InvalidConfigException(file, l.number(), "expected 'key: value', got '" + l.text() + "'");
            }
            if (entries.containsKey(key)) {
                throw new InvalidConfigException(file, l.number(), "duplicate key '" + key + "'");
            }
            String value = l.text().substring(l.text().indexOf(':') + 1).trim();
            pos++;
            if (value.isEmpty()) {
                entries.put(unquote(key), childBlock(indent, l));
            } else {
                entries.put(unquote(key), inline(value, l.number()));
            }
        }
        if (pos < lines.size() && lines.get(pos).indent() > indent) {
            Line l = lines.get(pos);
            throw new InvalidConfigException(file, l.number(), "unexpected indentation of '" + l.text() + "'");
        }
        return new YamlNode.Mapping(entries, startLine);
    }

    /** The value of "key:" with nothing after it: a deeper block, a same-column sequence, or null. */
    private YamlNode childBlock(int parentIndent, Line parent) throws InvalidConfigException {
        if (pos < lines.size()) {
            Line next = lines.get(pos);
            if (next.indent() > parentIndent || (next.indent() == parentIndent && isSequenceItem(next.text()) && !isSequenceItem(parent.text()))) {
                return block(next.indent());
            }
        }
        return new YamlNode.Scalar("", parent.number());
    }

    /** The key of "key: value" or "key:", or null when the text is not a mapping entry. */
    private static String keyOf(String text) {
        if (text.startsWith("{") || text.startsWith("[")) {
            return null;
        }
        int at = findColon(text);
        if (at <= 0) {
            return null;
        }
        return text.substring(0, at).trim();
    }

    private static int findColon(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i == 0) {
                quote = c;
            } else if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    private YamlNode inline(String text, int line) throws InvalidConfigException {
        FlowReader r = new FlowReader(text, line);
        YamlNode node = r.value(false);
        r.skipBlanks();
        if (!r.atEnd()) {
            throw new InvalidConfigException(file, line, "unexpected text after value: '" + text.substring(r.i) + "'");
        }
        return node;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Reads flow collections and scalars within one line. */
    private final class FlowReader {
        final String s;
        final int line;
        int i;

        FlowReader(String s, int line) {
            this.s = s;
            this.line = line;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipBlanks() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        YamlNode value(boolean inFlow) throws InvalidConfigException {
            skipBlanks();
            if (atEnd()) {
                return new YamlNode.Scalar("", line);
            }
            char c = s.charAt(i);
            if (c == '{') {
                return flowMapping();
            }
            if (c == '[') {
                return flowSequence();
            }
            if (c == '"' || c == '\'') {
                return new YamlNode.Scalar(quoted(c), line);
            }
            if (c == '&' || c == '*' || c == '!' || c == '|' || c == '>') {
                throw new InvalidConfigException(file, line, "YAML feature '" + c + "' is not supported in agent config; write the value inline");
            }
            int start = i;
            while (i < s.length()) {
                char d = s.charAt(i);
                if (inFlow && (d == ',' || d == '}' || d == ']')) {
                    break;
                }
                if (inFlow && d == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                    break;
                }
                i++;
            }
            return new YamlNode.Scalar(s.substring(start, i).trim(), line);
        }

        private String quoted(char q) throws InvalidConfigException {
            StringBuilder b = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == q) {
                    if (q == '\'' && i < s.length() && s.charAt(i) == '\'') {
                        b.append('\'');
                        i++;
                        continue;
                    }
                    return b.toString();
                }
                if (c == '\\' && q == '"' && i < s.length()) {
                    char e = s.charAt(i++);
                    b.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    b.append(c);
                }
            }
            throw new InvalidConfigException(file, line, "unterminated " + q + "quoted string" + q);
        }

        private YamlNode flowMapping() throws InvalidConfigException {
            i++;
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            skipBlanks();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return new YamlNode.Mapping(entries, line);
            }
            while (true) {
                YamlNode key = value(true);
                skipBlanks();
                if (atEnd() || s.charAt(i) != ':') {
                    throw new InvalidConfigException(file, line, "expected ':' after key in flow mapping '" + s + "'");
                }
                i++;
                String k = ((YamlNode.Scalar) key).value();
                if (entries.containsKey(k)) {
                    throw new InvalidConfigException(file, line, "duplicate key '" + k + "'");
                }
                entries.put(k, value(true));
                skipBlanks();
                if (atEnd()) {
                    throw new InvalidConfigException(file, line, "missing '}' in '" + s + "'");
                }
                char c = s.charAt(i++);
                if (c == '}') {
                    return new YamlNode.Mapping(entries, line);
                }
                if (c != ',') {
                    throw new InvalidConfigException(file, line, "expected ',' or '}' in '" + s + "'");
                }
            }
        }

        private YamlNode flowSequence() throws InvalidConfigException {
            i++;
            List<YamlNode> items = new ArrayList<>();
            skipBlanks();
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return new YamlNode.Sequence(items, line);
            }
            while (true) {
                items.add(value(true));
                skipBlanks();
                if (atEnd()) {
                    throw new InvalidConfigException(file, line, "missing ']' in '" + s + "'");
                }
                char c = s.charAt(i++);
                if (c == ']') {
                    return new YamlNode.Sequence(items, line);
                }
                if (c != ',') {
                    throw new InvalidConfigException(file, line, "expected ',' or ']' in '" + s + "'");
                }
            }
        }
    }
}
