package io.lvsplay.engine.playbook;

import java.util.Map;
import java.util.Set;

/**
 * A role entry ({@code roles: [{role: x, ...}]}) takes the keywords of Ansible's Role, not only
 * params: one lvsplay does not carry onto the role's tasks would otherwise become a role variable
 * of that name and change nothing, so it is refused here.
 */
final class RoleEntryKeywords {
    /** Ansible 2.14's Role attributes besides those RoleEntry carries (role, name, when, tags, become, become_user, vars). */
    static final Set<String> REFUSED = Set.of("connection", "port", "remote_user", "module_defaults", "environment",
            "no_log", "run_once", "ignore_errors", "ignore_unreachable", "check_mode", "diff", "any_errors_fatal",
            "throttle", "timeout", "debugger", "become_method", "become_flags", "become_exe", "collections",
            "delegate_to", "delegate_facts");

    private RoleEntryKeywords() {
    }

    static void check(Map<String, Object> entry, SourceLocation at) {
        for (String key : entry.keySet()) {
            if (REFUSED.contains(key)) {
                throw new PlaybookError(at, "lvsplay does not support the role keyword '" + key
                        + "' on a role entry yet; set it on the role's tasks, or see README's compatibility section");
            }
        }
    }
}
