package io.lvsplay.engine.playbook;

import io.lvsplay.engine.module.ModuleArgs;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keywords of Ansible's grammar that lvsplay parses but does not act on (yet). Accepting them would
 * run something other than what the playbook says (become_method: su running sudo, a throttle that
 * does not throttle), so each is refused at load time with file:line, unless its value is the one
 * that means "Ansible's default behaviour", which lvsplay does implement.
 */
final class UnimplementedKeywords {
    /** Refused whatever the value. */
    private static final Set<String> ALWAYS = Set.of("become_flags", "become_exe", "module_defaults",
            "port", "gather_timeout", "fact_path", "gather_subset");

    private UnimplementedKeywords() {
    }

    /** {@code level} is "play", or "task" for tasks, blocks and includes. */
    static void check(Map<String, Object> map, YamlDocument doc, String level) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
            boolean refused = switch (key) {
                case "become_method" -> !text.equals("sudo");
                case "connection" -> !(text.equals("ssh") || text.equals("smart") || text.equals("local"));
                case "debugger" -> !text.equals("never");
                case "delegate_facts" -> ModuleArgs.toBool(value) != Boolean.FALSE;
                case "remote_user" -> level.equals("task");
                case "timeout" -> !level.equals("task"); // a task's deadline (TaskDeadline); no play keyword

                default -> ALWAYS.contains(key);
            };
            if (refused) {
                throw new PlaybookError(doc.at(map, key), "lvsplay does not support the " + level + " keyword '"
                        + key + ": " + value + "' yet; remove it or see README's compatibility section");
            }
        }
    }
}
