package io.lvsplay.engine.config;

/** An ansible.cfg or ANSIBLE_* value lvsplay cannot use; the message names file:line or the variable. */
public final class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message);
    }
}
