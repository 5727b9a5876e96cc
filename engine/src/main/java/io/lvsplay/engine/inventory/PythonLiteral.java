package io.lvsplay.engine.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an INI inventory value into a typed value the way Ansible does: it runs Python's
 * {@code ast.literal_eval} and keeps the raw text when that fails. So {@code 1} is an int,
 * {@code True} a boolean, {@code [1,2]} a list, while {@code 10.0.0.1}, {@code yes} or
 * {@code 010} stay strings. Tuples and sets become lists, as Ansible coerces them.
 */
public final class PythonLiteral {
    private final String text;
    private final boolean jsonNames;
    private int pos;

    private PythonLiteral(String text, boolean jsonNames) {
        this.text = text;
        this.jsonNames = jsonNames;
    }

    /** The value {@code literal_eval} would produce, or the text itself when it is not a literal. */
    static Object valueOf(String text) {
        return valueOf(text, false);
    }

    /**
     * As {@link #valueOf(String)}, and with {@code jsonNames} the names true, false and null also
     * read as booleans and None: Ansible 2.14's templating (Json2Python) converts text that way.
     */
    public static Object valueOf(String text, boolean jsonNames) {
        try {
            PythonLiteral parser = new PythonLiteral(text, jsonNames);
            Object value = parser.expression();
            parser.skipBlanks();
            if (parser.pos != text.length()) {
                return text;
            }
            return value;
        } catch (NotALiteral e) {
            return text;
        }
    }

    private static final class NotALiteral extends RuntimeException {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private Object expression() {
        skipBlanks();
        if (pos >= text.length()) {
            throw new NotALiteral();
        }
        char c = text.charAt(pos);
        if (c == '+' || c == '-') {
            pos++;
            Object operand = expression();
            if (!(operand instanceof Number number) || operand instanceof Boolean) {
                throw new NotALiteral();
            }
            return c == '-' ? negate(number) : number;
        }
        if (c == '[') {
            pos++;
            return new ArrayList<>(sequence(']'));
        }
        if (c == '(') {
            return parenthesized();
        }
        if (c == '{') {
            pos++;
            return braced();
        }
        if (c == '\'' || c == '"' || startsStringWithPrefix()) {
            return strings();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (text.startsWith("...", pos)) {
            pos += 3;
            return "...";
        }
        return name();
    }

    private Object name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return switch (text.substring(start, pos)) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            case "true" -> literalName(Boolean.TRUE);
            case "false" -> literalName(Boolean.FALSE);
            case "null" -> literalName(null);
            default -> throw new NotALiteral();
        };
    }

    private Object literalName(Object value) {
        if (!jsonNames) {
            throw new NotALiteral();
        }
        return value;
    }

    private Object parenthesized() {
        pos++;
        skipBlanks();
        if (peek(')')) {
            pos++;
            return new ArrayList<>();
        }
        Object first = expression();
        skipBlanks();
        if (peek(')')) {
            pos++;
            return first;
        }
        expect(',');
        List<Object> items = new ArrayList<>();
        items.add(first);
        items.addAll(sequence(')'));
        return items;
    }

    /** Items up to the closing bracket, trailing comma allowed; the opening bracket is consumed. */
    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (peek(close)) {
                pos++;
                return items;
            }
            items.add(expression());
            skipBlanks();
            if (peek(',')) {
                pos++;
            } else {
                expect(close);
                return items;
            }
        }
    }

    private Object braced() {
        skipBlanks();
        if (peek('}')) {
            pos++;
            return new LinkedHashMap<>();
        }
        Object first = expression();
        skipBlanks();
        if (!peek(':')) {
            List<Object> set = new ArrayList<>();
            set.add(first);
            if (peek(',')) {
                pos++;
                for (Object item : sequence('}')) {
                    if (!set.contains(item)) {
                        set.add(item);
                    }
                }
            } else {
                expect('}');
            }
            return set;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        Object key = first;
        while (true) {
            expect(':');
            map.put(key, expression());
            skipBlanks();
            if (peek('}')) {
                pos++;
                return map;
            }
            expect(',');
            skipBlanks();
            if (peek('}')) {
                pos++;
                return map;
            }
            key = expression();
            skipBlanks();
        }
    }

    private boolean startsStringWithPrefix() {
        int i = pos;
        while (i < text.length() && i - pos < 2 && "rRbBuU".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i > pos && i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
    }

    /** One or more adjacent string literals, concatenated as Python does. */
    private String strings() {
        StringBuilder out = new StringBuilder();
        do {
            out.append(string());
            skipBlanks();
        } while (pos < text.length() && (peek('\'') || peek('"') || startsStringWithPrefix()));
        return out.toString();
    }

    private String string() {
        boolean raw = false;
        while ("rRbBuU".indexOf(text.charAt(pos)) >= 0) {
            raw |= Character.toLowerCase(text.charAt(pos)) == 'r';
            pos++;
        }
        char quote = text.charAt(pos);
        String delimiter = text.startsWith(String.valueOf(quote).repeat(3), pos) ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += delimiter.length();
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new NotALiteral();
            }
            if (text.startsWith(delimiter, pos)) {
                pos += delimiter.length();
                return out.toString();
            }
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                if (raw) {
                    out.append(c).append(text.charAt(pos++));
                } else {
                    escape(out);
                }
            } else {
                out.append(c);
            }
        }
    }

    private void escape(StringBuilder out) {
        char c = text.charAt(pos++);
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case '\\', '\'', '"' -> out.append(c);
            case '\n' -> { }
            case 'x' -> out.append((char) hex(2));
            case 'u' -> out.append((char) hex(4));
            case 'U' -> out.appendCodePoint(hex(8));
            default -> {
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (text.charAt(pos++) - '0');
                    }
                    out.append((char) value);
                } else {
                    out.append('\\').append(c);
                }
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw new NotALiteral();
        }
        try {
            int value = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw new NotALiteral();
        }
    }

    private Number number() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.'
                || ((text.charAt(pos) == '+' || text.charAt(pos) == '-') && "eE".indexOf(text.charAt(pos - 1)) >= 0 && !isRadixLiteral(start)))) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.startsWith("_") || token.endsWith("_") || token.contains("__")) {
            throw new NotALiteral();
        }
        String digits = token.replace("_", "");
        String lower = digits.toLowerCase();
        try {
            if (lower.startsWith("0x")) {
                return integer(new BigInteger(digits.substring(2), 16));
            }
            if (lower.startsWith("0o")) {
                return integer(new BigInteger(digits.substring(2), 8));
            }
            if (lower.startsWith("0b")) {
                return integer(new BigInteger(digits.substring(2), 2));
            }
            if (lower.matches("[0-9]+")) {
                // Python 3 rejects leading zeros ("010"), so such values stay strings.
                if (lower.length() > 1 && lower.startsWith("0") && !lower.matches("0+")) {
                    throw new NotALiteral();
                }
                return integer(new BigInteger(digits));
            }
            if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
                return Double.parseDouble(digits);
            }
        } catch (NumberFormatException e) {
            throw new NotALiteral();
        }
        // Complex numbers ("1j") and anything else are not values Ansible keeps typed.
        throw new NotALiteral();
    }

    private boolean isRadixLiteral(int start) {
        return pos - start >= 2 && text.charAt(start) == '0' && "xXoObB".indexOf(text.charAt(start + 1)) >= 0;
    }

    private static Number integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }

    private static Number negate(Number number) {
        if (number instanceof Integer i) {
            return integer(BigInteger.valueOf(i).negate());
        }
        if (number instanceof Long l) {
            return integer(BigInteger.valueOf(l).negate());
        }
        if (number instanceof BigInteger b) {
            return integer(b.negate());
        }
        return -number.doubleValue();
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        skipBlanks();
        if (!peek(c)) {
            throw new NotALiteral();
        }
        pos++;
    }

    /** Spaces, tabs and a trailing Python comment are not part of the value. */
    /** Blanks, line breaks and comments: Python's eval-mode parse allows them between tokens. */
    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '#') {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end;
            } else {
                break;
            }
        }
    }
}
