package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** YAML's {@code !unsafe} tag, as Ansible's loader reads it: the node's strings become {@link UnsafeText}. */
public final class UnsafeTag {
  public static final Tag TAG = new Tag("!unsafe");

  static final String NESTED = "lvsplay does not support !unsafe on a mapping or list that holds another mapping or list"
      + " (Ansible silently empties the inner ones): put !unsafe on the inner strings instead";

  private UnsafeTag() {}

  /**
   * The value of an {@code !unsafe} node: a scalar is its text, never typed ({@code !unsafe 12} is
   * the string "12"); a flat mapping or list has all its keys and items unsafe.
   *
   * @param child converts a child node the caller's way
   * @throws IllegalArgumentException for a mapping or list nested inside, which Ansible empties
   */
  public static Object value(Node node, Function<Node, Object> child) {
    if (node instanceof ScalarNode scalar) {
      return UnsafeText.of(scalar.getValue());
    }
    if (node instanceof MappingNode mapping) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        map.put(flat(tuple.getKeyNode(), child), flat(tuple.getValueNode(), child));
      }
      return map;
    }
    List<Object> list = new ArrayList<>();
    for (Node item : ((SequenceNode) node).getValue()) {
      list.add(flat(item, child));
    }
    return list;
  }

  private static Object flat(Node node, Function<Node, Object> child) {
    if (!(node instanceof ScalarNode)) {
      throw new IllegalArgumentException(NESTED);
    }
    return UnsafeText.wrap(child.apply(node));
  }
}
