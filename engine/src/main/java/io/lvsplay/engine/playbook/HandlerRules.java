package io.lvsplay.engine.playbook;

import java.util.Map;
import java.util.Set;

/**
 * What Ansible 2.14 refuses in a handler list when it loads it: a block inside a block (a block at
 * the top of the list only groups handlers), and include_role/import_role. A top-level block's
 * rescue and always Ansible ignores without a word: lvsplay refuses them.
 */
final class HandlerRules {
    private static final Set<String> ROLE_ACTIONS = Set.of("include_role", "import_role",
            "ansible.builtin.include_role", "ansible.builtin.import_role");

    private HandlerRules() {
    }

    /** {@code blockDepth}: how many blocks of the handler list enclose the entry. */
    static void check(Map<String, Object> entry, YamlDocument doc, int blockDepth) {
        if (entry.containsKey("block")) {
            if (blockDepth > 0) {
                throw new PlaybookError(doc.at(entry), "Using a block as a handler is not supported.");
            }
            for (String part : new String[] {"rescue", "always"}) {
                if (entry.containsKey(part)) {
                    throw new PlaybookError(doc.at(entry, part), "lvsplay does not support '" + part
                            + "' in a block of handlers (Ansible ignores it)");
                }
            }
        }
        for (String action : ROLE_ACTIONS) {
            if (entry.containsKey(action)) {
                throw new PlaybookError(doc.at(entry, action), "Using '" + action + "' as a handler is not supported.");
            }
        }
    }
}
