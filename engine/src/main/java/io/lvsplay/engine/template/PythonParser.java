package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.ScanException;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.Scanner.Token;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstFunction;
import jinjava.de.odysseus.el.tree.impl.ast.AstMethod;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNumber;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.javax.el.ELException;

/**
 * jinjava's expression parser with the parts of Jinja2's grammar it lacks: {@code item.0} is
 * {@code item[0]}, subscripts take Python slices with a step ({@code name[::-1]}), tuples stay
 * tuples, filters always bind tighter than {@code * / %}, and the operators that differ between
 * Python and Java EL ({@code * % == != and or}) follow Python ({@link PythonOperators}).
 */
final class PythonParser extends ExtendedParser {
  PythonParser(Builder context, String input) {
    super(context, input);
  }

  /** The tree builder that makes this parser; named in {@link PythonJinjava}'s expression factory. */
  public static final class SyntaxBuilder extends ExtendedSyntaxBuilder {
    private static final long serialVersionUID = 1L;

    public SyntaxBuilder() {
      super();
    }

    public SyntaxBuilder(Feature... features) {
      super(features);
    }

    @Override
    protected Parser createParser(String expression) {
      return new PythonParser(this, expression);
    }
  }

  @Override
  protected Scanner createScanner(String expression) {
    return new PythonScanner(expression);
  }

  @Override
  protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
    return new AstBinary(left, right, PythonOperators.of(operator == OrOperator.OP ? AstBinary.OR : operator));
  }

  @Override
  protected AstTuple createAstTuple(AstParameters parameters) {
    return new PythonOperators.TupleLiteral(parameters);
  }

  /** Python allows a trailing comma in calls, lists and tuples: {@code (1,)}, {@code [a, b,]}. */
  @Override
  protected AstParameters params(Symbol left, Symbol right) throws ScanException, ParseException {
    consumeToken(left);
    List<AstNode> nodes = new ArrayList<>();
    AstNode v = argument(left, false);
    if (v != null) {
      nodes.add(v);
      while (getToken().getSymbol() == Symbol.COMMA) {
        consumeToken();
        if (getToken().getSymbol() == right) {
          break;
        }
        nodes.add(argument(left, true));
      }
    }
    consumeToken(right);
    return createAstParameters(nodes);
  }

  /** An expression, or in a call's parentheses also {@code *args} / {@code **kwargs}. */
  private AstNode argument(Symbol left, boolean required) throws ScanException, ParseException {
    Token token = getToken();
    boolean star = token.getSymbol() == Symbol.MUL;
    boolean starStar = token.getSymbol() == Symbol.EXTENSION && token.getImage().equals("**");
    if (left != Symbol.LPAREN || !(star || starStar)) {
      return expr(required);
    }
    consumeToken();
    return new CallSpread(expr(true), starStar);
  }

  @Override
  protected AstFunction createAstFunction(String name, int index, AstParameters params) {
    if (!hasSpread(params)) {
      return super.createAstFunction(name, index, params);
    }
    return new SpreadCall(name, index, params, context.isEnabled(Builder.Feature.VARARGS));
  }

  /** Filters, tests and methods bind their arguments in jinjava, which cannot spread them. */
  @Override
  protected AstMethod createAstMethod(AstProperty property, AstParameters params) {
    if (hasSpread(params)) {
      throw new ELException("lvsplay does not support *args or **kwargs in a filter, test or method call");
    }
    return super.createAstMethod(property, params);
  }

  private static boolean hasSpread(AstParameters params) {
    for (int i = 0; i < params.getCardinality(); i++) {
      if (params.getChild(i) instanceof CallSpread) {
        return true;
      }
    }
    return false;
  }

  /** {@code ()} is the empty tuple. */
  @Override
  protected AstNode nonliteral() throws ScanException, ParseException {
    if (getToken().getSymbol() == Symbol.LPAREN && lookahead(0).getSymbol() == Symbol.RPAREN) {
      return createAstTuple(params());
    }
    return super.nonliteral();
  }

  /** Multiplicative operators over filtered values, as Jinja2 always binds filters first. */
  @Override
  protected AstNode mul(boolean required) throws ScanException, ParseException {
    AstNode v = filter(required);
    if (v == null) {
      return null;
    }
    while (true) {
      Token token = getToken();
      switch (token.getSymbol()) {
        case MUL -> v = binary(v, AstBinary.MUL);
        case DIV -> v = binary(v, AstBinary.DIV);
        case MOD -> v = binary(v, AstBinary.MOD);
        case EXTENSION -> {
          if (getExtensionHandler(token).getExtensionPoint() != ExtensionPoint.MUL) {
            return v;
          }
          v = getExtensionHandler(consumeToken()).createAstNode(v, filter(true));
        }
        default -> {
          return v;
        }
      }
    }
  }

  private AstNode binary(AstNode left, AstBinary.Operator operator) throws ScanException, ParseException {
    consumeToken();
    return createAstBinary(left, filter(true), operator);
  }

  /** A primary followed by any number of {@code .name}, {@code .0}, {@code [key]} and {@code [a:b:c]}. */
  @Override
  protected AstNode value() throws ScanException, ParseException {
    boolean lvalue = true;
    AstNode v = nonliteral();
    if (v == null) {
      v = literal();
      if (v == null) {
        return null;
      }
      lvalue = false;
    }
    while (true) {
      if (getToken().getSymbol() == Symbol.DOT) {
        consumeToken();
        Token name = consumeToken();
        if (name.getSymbol() == Symbol.INTEGER) {
          v = createAstBracket(v, new AstNumber(parseInteger(name.getImage())), lvalue, strict());
        } else if (name.getSymbol() == Symbol.IDENTIFIER) {
          AstDot dot = createAstDot(v, name.getImage(), lvalue);
          v = callable() ? createAstMethod(dot, params()) : dot;
        } else {
          fail(Symbol.IDENTIFIER);
        }
      } else if (getToken().getSymbol() == Symbol.LBRACK) {
        v = subscript(v, lvalue);
      } else {
        return v;
      }
    }
  }

  private AstNode subscript(AstNode base, boolean lvalue) throws ScanException, ParseException {
    consumeToken(Symbol.LBRACK);
    AstNode start = colon() ? null : expr(true);
    if (!colon()) {
      consumeToken(Symbol.RBRACK);
      var bracket = createAstBracket(base, start, lvalue, strict());
      return callable() ? createAstMethod(bracket, params()) : bracket;
    }
    consumeToken();
    AstNode stop = colon() || getToken().getSymbol() == Symbol.RBRACK ? null : expr(true);
    AstNode step = null;
    if (colon()) {
      consumeToken();
      step = getToken().getSymbol() == Symbol.RBRACK ? null : expr(true);
    }
    consumeToken(Symbol.RBRACK);
    return new PythonSlice(base, start, stop, step);
  }

  private boolean colon() {
    return getToken().getSymbol() == Symbol.COLON && getToken().getImage().equals(":");
  }

  private boolean callable() {
    return getToken().getSymbol() == Symbol.LPAREN && context.isEnabled(Builder.Feature.METHOD_INVOCATIONS);
  }

  private boolean strict() {
    return !context.isEnabled(Builder.Feature.NULL_PROPERTIES);
  }
}
