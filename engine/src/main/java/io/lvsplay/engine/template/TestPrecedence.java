package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts parentheses around each {@code is} test so that jinjava evaluates it with Jinja2's
 * precedence. In Jinja2 a test applies to the value on its left after its filters, and binds
 * tighter than {@code not}, {@code and}, arithmetic and comparisons: {@code x | length is even}
 * is {@code (x | length) is even}, and {@code not x is defined} is {@code not (x is defined)}.
 * jinjava rejects the first and reads the second as {@code (not x) is defined}.
 *
 * <p>The rewrite is {@code operand is [not] name [argument]} to
 * {@code (operand is [not] name [argument])}, where the operand is what Jinja2's
 * {@code parse_filter_expr} reads: a primary with its attribute, item and call suffixes and its
 * filters, with an optional unary sign.
 */
final class TestPrecedence {
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "is", "if", "else", "for", "recursive");

  private TestPrecedence() {}

  private enum Kind { NAME, STRING, NUMBER, OPEN, CLOSE, OPERATOR }

  private record Token(Kind kind, String text, int start, int end) {
    boolean is(String value) {
      return kind != Kind.STRING && text.equals(value);
    }

    boolean isAtom() {
      return (kind == Kind.NAME && !KEYWORDS.contains(text)) || kind == Kind.STRING || kind == Kind.NUMBER;
    }
  }

  static String rewrite(String code) {
    if (!code.contains("is") && !code.contains("not")) {
      return code;
    }
    List<Token> tokens = tokenize(code);
    if (tokens == null) {
      return code;
    }
    int[] partner = matchBrackets(tokens);
    if (partner == null) {
      return code;
    }
    // offset -> text to insert; openings before closings at the same offset
    TreeMap<Integer, StringBuilder> inserts = new TreeMap<>();
    for (int k = 0; k < tokens.size(); k++) {
      Token token = tokens.get(k);
      if (token.kind != Kind.NAME || !token.text.equals("is") || (k > 0 && tokens.get(k - 1).is("."))) {
        continue;
      }
      int first = operandStart(tokens, partner, k);
      int last = testEnd(tokens, partner, k);
      if (first < 0 || last < 0) {
        continue;
      }
      inserts.computeIfAbsent(tokens.get(first).start, x -> new StringBuilder()).append('(');
      inserts.computeIfAbsent(tokens.get(last).end, x -> new StringBuilder()).insert(0, ')');
      if (hasFilter(tokens, partner, first, k)) {
        // jinjava parses "is" only after a plain value: (x | f) is t
        inserts.get(tokens.get(first).start).append('(');
        inserts.computeIfAbsent(tokens.get(k - 1).end, x -> new StringBuilder()).insert(0, ')');
      }
    }
    for (int k = 0; k < tokens.size(); k++) {
      wrapNotOperand(tokens, partner, k, inserts);
    }
    if (inserts.isEmpty()) {
      return code;
    }
    StringBuilder out = new StringBuilder(code.length() + inserts.size() * 2);
    int from = 0;
    for (var entry : inserts.entrySet()) {
      out.append(code, from, entry.getKey()).append(entry.getValue());
      from = entry.getKey();
    }
    return out.append(code.substring(from)).toString();
  }

  /**
   * In Jinja2 {@code not} binds looser than filters, arithmetic, comparisons and {@code in}:
   * {@code not x | bool} is {@code not (x | bool)} and {@code not a > 1} is {@code not (a > 1)}; jinjava
   * reads both with {@code not} first. Wraps what follows the {@code not} at {@code k}, up to the next
   * {@code and}/{@code or}/{@code if}/{@code else}, comma, colon or closing bracket of its level.
   */
  private static void wrapNotOperand(List<Token> tokens, int[] partner, int k, TreeMap<Integer, StringBuilder> inserts) {
    Token token = tokens.get(k);
    if (token.kind != Kind.NAME || !token.text.equals("not") || k + 1 >= tokens.size()
        || (k > 0 && (tokens.get(k - 1).is(".") || tokens.get(k - 1).is("is"))) || tokens.get(k + 1).is("in")) {
      return;
    }
    int first = k + 1;
    int end = k;
    for (int j = first; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.kind == Kind.CLOSE || t.is(",") || t.is(":")
          || (t.kind == Kind.NAME && (t.text.equals("and") || t.text.equals("or") || t.text.equals("if")
              || t.text.equals("else") || t.text.equals("for")))) {
        break;
      }
      if (t.kind == Kind.OPEN) {
        j = partner[j];
      }
      end = j;
    }
    // nothing to do for a bare operand (not x, not x.y[0], not (a or b))
    if (end < first || primaryEnd(tokens, partner, first) == end) {
      return;
    }
    inserts.computeIfAbsent(tokens.get(first).start, x -> new StringBuilder()).append('(');
    inserts.computeIfAbsent(tokens.get(end).end, x -> new StringBuilder()).insert(0, ')');
  }

  /** Last token of the primary at {@code first} with its attribute, item and call suffixes; -1 if none. */
  private static int primaryEnd(List<Token> tokens, int[] partner, int first) {
    Token token = tokens.get(first);
    int end;
    if (token.isAtom()) {
      end = first;
    } else if (token.kind == Kind.OPEN) {
      end = partner[first];
    } else {
      return -1;
    }
    while (end + 1 < tokens.size()) {
      Token suffix = tokens.get(end + 1);
      if (suffix.is(".") && end + 2 < tokens.size() && tokens.get(end + 2).kind == Kind.NAME) {
        end += 2;
      } else if (suffix.is("(") || suffix.is("[")) {
        end = partner[end + 1];
      } else {
        break;
      }
    }
    return end;
  }

  /** True if the operand's own level (not inside brackets) has a filter. */
  private static boolean hasFilter(List<Token> tokens, int[] partner, int first, int end) {
    for (int j = first; j < end; j++) {
      Token token = tokens.get(j);
      if (token.kind == Kind.OPEN) {
        j = partner[j];
      } else if (token.is("|")) {
        return true;
      }
    }
    return false;
  }

  /** Index of the operand's first token, walking back from the "is" at {@code k}; -1 if none. */
  private static int operandStart(List<Token> tokens, int[] partner, int k) {
    int j = k - 1;
    int first = -1;
    boolean needAtom = true;
    boolean afterCall = false;
    while (j >= 0) {
      Token token = tokens.get(j);
      if (needAtom || (afterCall && (token.isAtom() || token.kind == Kind.CLOSE))) {
        if (token.kind == Kind.CLOSE) {
          int open = partner[j];
          afterCall = !tokens.get(open).is("{");
          first = open;
          j = open - 1;
        } else if (token.isAtom()) {
          afterCall = false;
          first = j;
          j--;
        } else {
          break;
        }
        needAtom = false;
      } else if (token.is(".") || token.is("|")) {
        needAtom = true;
        afterCall = false;
        j--;
      } else {
        break;
      }
    }
    if (needAtom || first < 0) {
      return -1;
    }
    // a unary sign belongs to the operand: -x is number is (-x) is number
    if (j >= 0 && (tokens.get(j).is("-") || tokens.get(j).is("+"))) {
      Token before = j > 0 ? tokens.get(j - 1) : null;
      boolean unary = before == null || before.kind == Kind.OPEN || before.kind == Kind.OPERATOR
          || (before.kind == Kind.NAME && KEYWORDS.contains(before.text));
      if (unary) {
        first = j;
      }
    }
    return first;
  }

  /** Index of the test's last token ("is [not] name[(args)| argument]"); -1 if malformed. */
  private static int testEnd(List<Token> tokens, int[] partner, int k) {
    int t = k + 1;
    if (t < tokens.size() && tokens.get(t).is("not") && tokens.get(t).kind == Kind.NAME) {
      t++;
    }
    if (t >= tokens.size() || tokens.get(t).kind != Kind.NAME) {
      return -1;
    }
    int last = t;
    while (last + 2 < tokens.size() && tokens.get(last + 1).is(".") && tokens.get(last + 2).kind == Kind.NAME) {
      last += 2;
    }
    int next = last + 1;
    if (next >= tokens.size()) {
      return last;
    }
    Token token = tokens.get(next);
    if (token.is("(")) {
      return partner[next];
    }
    // one argument without parentheses: x is divisibleby 3, x is sameas none
    if (!token.isAtom() && !(token.kind == Kind.OPEN)) {
      return last;
    }
    last = token.kind == Kind.OPEN ? partner[next] : next;
    while (last + 1 < tokens.size()) {
      Token suffix = tokens.get(last + 1);
      if (suffix.is(".") && last + 2 < tokens.size() && tokens.get(last + 2).kind == Kind.NAME) {
        last += 2;
      } else if (suffix.is("(") || suffix.is("[")) {
        last = partner[last + 1];
      } else {
        break;
      }
    }
    return last;
  }

  private static int[] matchBrackets(List<Token> tokens) {
    int[] partner = new int[tokens.size()];
    List<Integer> stack = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind == Kind.OPEN) {
        stack.add(i);
      } else if (token.kind == Kind.CLOSE) {
        if (stack.isEmpty()) {
          return null;
        }
        int open = stack.remove(stack.size() - 1);
        partner[i] = open;
        partner[open] = i;
      }
    }
    return stack.isEmpty() ? partner : null;
  }

  /** Splits code into tokens; null if it cannot (then the code is left as it is). */
  private static List<Token> tokenize(String code) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '\'' || c == '"') {
        i++;
        while (i < n && code.charAt(i) != c) {
          i += code.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= n) {
          return null;
        }
        i++;
        tokens.add(new Token(Kind.STRING, code.substring(start, i), start, i));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, code.substring(start, i), start, i));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
            || (code.charAt(i) == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1))))) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, code.substring(start, i), start, i));
      } else if (c == '(' || c == '[' || c == '{') {
        tokens.add(new Token(Kind.OPEN, String.valueOf(c), start, ++i));
      } else if (c == ')' || c == ']' || c == '}') {
        tokens.add(new Token(Kind.CLOSE, String.valueOf(c), start, ++i));
      } else {
        String two = i + 1 < n ? code.substring(i, i + 2) : "";
        int length = Set.of("==", "!=", "<=", ">=", "//", "**").contains(two) ? 2 : 1;
        i += length;
        tokens.add(new Token(Kind.OPERATOR, code.substring(start, i), start, i));
      }
    }
    return tokens;
  }
}
