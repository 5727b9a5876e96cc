package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import jinjava.de.odysseus.el.tree.impl.Scanner;

/**
 * jinjava's expression scanner with Jinja2's attribute rules: after a dot, a word is always an
 * attribute name ({@code foo.null}, {@code x.not}, {@code r.empty}) even where jinjava would read a
 * keyword, and digits are an item index ({@code item.0}, {@code names.1.name}), where jinjava reads
 * ".0" as a float literal. Java EL's word operators (empty, div, eq, ...) are names, as in Jinja2.
 */
final class PythonScanner extends ExtendedScanner {
  private static final java.util.Set<String> EL_WORDS =
      java.util.Set.of("empty", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");

  PythonScanner(String input) {
    super(input);
  }

  @Override
  protected Token nextEval() throws ScanException {
    Token previous = getToken();
    String input = getInput();
    int at = getPosition();
    char c = input.charAt(at);
    if (previous != null && previous.getSymbol() == Symbol.DOT && previous.getImage().equals(".")) {
      if (isDigit(c)) {
        return token(Symbol.INTEGER, input.substring(at, end(input, at, false)), end(input, at, false) - at);
      }
      if (Character.isLetter(c) || c == '_') {
        int end = end(input, at, true);
        return token(Symbol.IDENTIFIER, input.substring(at, end), end - at);
      }
    }
    if (c == '.' && endsValue(previous) && at + 1 < input.length() && isDigit(input.charAt(at + 1))) {
      return fixed(Symbol.DOT);
    }
    Token token = super.nextEval();
    // Java EL's word operators are plain names in Jinja2 ("{{ empty | default(1) }}")
    return token.getSymbol() != Symbol.STRING && EL_WORDS.contains(token.getImage()) ? token(Symbol.IDENTIFIER, token.getImage(), token.getSize()) : token;
  }

  private static boolean endsValue(Token previous) {
    if (previous == null) {
      return false;
    }
    return switch (previous.getSymbol()) {
      case IDENTIFIER, RBRACK, RPAREN, INTEGER -> true;
      default -> false;
    };
  }

  private static int end(String input, int from, boolean word) {
    int i = from;
    while (i < input.length()) {
      char c = input.charAt(i);
      boolean part = word ? Character.isLetterOrDigit(c) || c == '_' : Character.isDigit(c);
      if (!part) {
        break;
      }
      i++;
    }
    return i;
  }
}
