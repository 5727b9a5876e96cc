package io.lvsplay.engine.ssh;

/** How unknown host keys are treated. A changed key is always refused. */
public enum HostKeyPolicy {
    /** Only keys already in known_hosts (Ansible's host_key_checking=True). */
    STRICT,
    /** Unknown keys are recorded in known_hosts (OpenSSH StrictHostKeyChecking=accept-new). */
    ACCEPT_NEW,
    /** No checking at all (StrictHostKeyChecking=no, ANSIBLE_HOST_KEY_CHECKING=False). */
    OFF
}
