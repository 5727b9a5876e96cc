package io.lvsplay.cli;

import io.lvsplay.engine.config.AnsibleConfig;
import io.lvsplay.engine.config.Setting;

/** ansible.cfg values Ansible acts on and lvsplay does not yet: said in one line each, never silently dropped. */
final class UnsupportedSettings {
    private UnsupportedSettings() {
    }

    static void check(AnsibleConfig config) {
        config.value(Setting.GATHERING).filter(v -> !v.text().strip().equals("implicit")).ifPresent(v ->
                warn(v, "gathering = " + v.text().strip() + ": lvsplay does not support this yet; facts are gathered"
                        + " as with 'implicit' (each play with gather_facts not false)"));
    }

    private static void warn(AnsibleConfig.Value v, String message) {
        System.err.println("[WARNING]: " + v.origin() + ": " + message);
    }
}
