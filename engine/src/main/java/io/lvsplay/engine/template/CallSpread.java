package io.lvsplay.engine.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.List;
import java.util.Map;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * {@code *args} or {@code **kwargs} in a call's arguments, as Jinja2 takes them ({@code q("list", *names)}).
 * Only {@link SpreadCall} spreads it; the parser refuses it anywhere else.
 */
final class CallSpread extends AstRightValue {
  private final AstNode value;
  private final boolean keywords;

  CallSpread(AstNode value, boolean keywords) {
    this.value = value;
    this.keywords = keywords;
  }

  /** Adds the spread values: items to {@code positional}, or mapping entries as named parameters to {@code named}. */
  void spreadInto(List<Object> positional, List<Object> named, Bindings bindings, ELContext context) {
    Object spread = Strictness.requireDefined(value.eval(bindings, context));
    if (keywords) {
      if (!(spread instanceof Map<?, ?> map)) {
        throw Strictness.fail("argument after ** must be a mapping, not " + Values.typeName(spread));
      }
      map.forEach((key, item) -> named.add(new NamedParameter(PythonRepr.str(key), item)));
    } else if (spread instanceof CharSequence text) {
      text.codePoints().forEach(c -> positional.add(new String(Character.toChars(c))));
    } else if (spread instanceof Map<?, ?> map) {
      positional.addAll(map.keySet());
    } else if (spread instanceof Iterable<?> items) {
      items.forEach(positional::add);
    } else {
      throw Strictness.fail("Value after * must be an iterable, not " + Values.typeName(spread));
    }
  }

  @Override
  public Object eval(Bindings bindings, ELContext context) {
    throw new IllegalStateException("a spread argument is evaluated only by the call it is in");
  }

  @Override
  public void appendStructure(StringBuilder builder, Bindings bindings) {
    builder.append(keywords ? "**" : "*");
    value.appendStructure(builder, bindings);
  }

  @Override
  public String toString() {
    return (keywords ? "**" : "*") + value;
  }

  @Override
  public int getCardinality() {
    return 1;
  }

  @Override
  public AstNode getChild(int i) {
    return i == 0 ? value : null;
  }
}
