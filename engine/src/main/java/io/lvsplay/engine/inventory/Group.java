package io.lvsplay.engine.inventory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A group while the inventory is being assembled: members in declaration order, and its own vars. */
final class Group {
    /** Ansible's default; a higher ansible_group_priority makes a group's vars win over its siblings'. */
    static final int DEFAULT_PRIORITY = 1;

    final String name;
    final Set<String> hosts = new LinkedHashSet<>();
    final Set<String> children = new LinkedHashSet<>();
    final Set<String> parents = new LinkedHashSet<>();
    final Map<String, Object> vars = new LinkedHashMap<>();
    /** var -> where the inventory sets it ("FILE:LINE"), for messages that name the origin. */
    final Map<String, String> varOrigins = new LinkedHashMap<>();
    int priority = DEFAULT_PRIORITY;

    Group(String name) {
        this.name = name;
    }
}
