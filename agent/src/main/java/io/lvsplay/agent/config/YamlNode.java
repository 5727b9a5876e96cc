package io.lvsplay.agent.config;

import java.util.List;
import java.util.Map;

/** A parsed YAML value that remembers the line it came from, so config errors can point at it. */
public sealed interface YamlNode {

    int line();

    /** A plain or quoted scalar. */
    record Scalar(String value, int line) implements YamlNode {
    }

    /** A block or flow mapping, in document order. */
    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {
    }

    /** A block or flow sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }
}
