package io.lvsplay.engine.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ansible.cfg options lvsplay implements, with the ANSIBLE_* variable that overrides each
 * (names as in Ansible 2.14's base.yml).
 */
public enum Setting {
    INVENTORY("defaults", "inventory", "ANSIBLE_INVENTORY"),
    REMOTE_USER("defaults", "remote_user", "ANSIBLE_REMOTE_USER"),
    PRIVATE_KEY_FILE("defaults", "private_key_file", "ANSIBLE_PRIVATE_KEY_FILE"),
    FORKS("defaults", "forks", "ANSIBLE_FORKS"),
    HOST_KEY_CHECKING("defaults", "host_key_checking", "ANSIBLE_HOST_KEY_CHECKING"),
    ROLES_PATH("defaults", "roles_path", "ANSIBLE_ROLES_PATH"),
    TIMEOUT("defaults", "timeout", "ANSIBLE_TIMEOUT"),
    VAULT_PASSWORD_FILE("defaults", "vault_password_file", "ANSIBLE_VAULT_PASSWORD_FILE"),
    VAULT_IDENTITY_LIST("defaults", "vault_identity_list", "ANSIBLE_VAULT_IDENTITY_LIST"),
    VAULT_ENCRYPT_IDENTITY("defaults", "vault_encrypt_identity", "ANSIBLE_VAULT_ENCRYPT_IDENTITY"),
    GATHERING("defaults", "gathering", "ANSIBLE_GATHERING"),
    FORCE_HANDLERS("defaults", "force_handlers", "ANSIBLE_FORCE_HANDLERS"),
    ERROR_ON_MISSING_HANDLER("defaults", "error_on_missing_handler", "ANSIBLE_ERROR_ON_MISSING_HANDLER"),
    BECOME("privilege_escalation", "become", "ANSIBLE_BECOME"),
    BECOME_METHOD("privilege_escalation", "become_method", "ANSIBLE_BECOME_METHOD"),
    BECOME_USER("privilege_escalation", "become_user", "ANSIBLE_BECOME_USER"),
    BECOME_ASK_PASS("privilege_escalation", "become_ask_pass", "ANSIBLE_BECOME_ASK_PASS");

    private final String section;
    private final String key;
    private final String envName;

    Setting(String section, String key, String envName) {
        this.section = section;
        this.key = key;
        this.envName = envName;
    }

    public String section() {
        return section;
    }

    public String key() {
        return key;
    }

    public String envName() {
        return envName;
    }

    public static Optional<Setting> of(String section, String key) {
        return Arrays.stream(values()).filter(s -> s.section.equals(section) && s.key.equals(key)).findFirst();
    }
}
