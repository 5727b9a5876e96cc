package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import java.lang.reflect.Field;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The items of a {@code for} loop, kept so that Jinja2's {@code loop.previtem} and
 * {@code loop.nextitem} can be answered: jinjava's loop object only holds an iterator. The
 * {@link Tag} below hands jinjava this list instead of the original collection; its iterator
 * knows its position, and {@link StrictResolver} finds it through the loop object.
 */
final class LoopItems extends AbstractList<Object> {
  private static final Field ITERATOR = iteratorField();

  private final List<Object> items;

  private LoopItems(List<Object> items) {
    this.items = items;
  }

  @Override
  public Object get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public Iterator<Object> iterator() {
    return new Cursor(this);
  }

  /** {@code loop.previtem} / {@code loop.nextitem}; empty for any other attribute. */
  static Optional<Object> neighbour(ForLoop loop, String attribute) {
    boolean previous = attribute.equals("previtem");
    if (!previous && !attribute.equals("nextitem")) {
      return Optional.empty();
    }
    Object iterator;
    try {
      iterator = ITERATOR == null ? null : ITERATOR.get(loop);
    } catch (IllegalAccessException e) {
      iterator = null;
    }
    if (!(iterator instanceof Cursor cursor)) {
      return Optional.empty();
    }
    int neighbour = cursor.next - 1 + (previous ? -1 : 1);
    if (neighbour < 0 || neighbour >= cursor.items.size()) {
      return Optional.of(new Undefined(previous ? "there is no previous item" : "there is no next item"));
    }
    return Optional.of(JinjavaInterpreter.getCurrent().wrap(cursor.items.get(neighbour)));
  }

  private static Field iteratorField() {
    try {
      Field field = ForLoop.class.getDeclaredField("it");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static final class Cursor implements Iterator<Object> {
    private final LoopItems items;
    private int next;

    Cursor(LoopItems items) {
      this.items = items;
    }

    @Override
    public boolean hasNext() {
      return next < items.size();
    }

    @Override
    public Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.get(next++);
    }
  }

  /**
   * jinjava's for tag, iterating over a {@link LoopItems} snapshot of the collection (a string's
   * characters, as in Python).
   */
  static final class Tag extends ForTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String renderForCollection(
        TagNode tagNode, JinjavaInterpreter interpreter, List<String> loopVars, Object collection) {
      List<Object> items = new ArrayList<>();
      if (collection instanceof CharSequence text) {
        // Python iterates a string's characters; jinjava would loop once over the whole string
        text.codePoints().forEach(c -> items.add(new String(Character.toChars(c))));
        return super.renderForCollection(tagNode, interpreter, loopVars, new LoopItems(items));
      }
      ForLoop source = ObjectIterator.getLoop(collection);
      while (source.hasNext()) {
        items.add(source.next());
      }
      return super.renderForCollection(tagNode, interpreter, loopVars, new LoopItems(items));
    }
  }
}
