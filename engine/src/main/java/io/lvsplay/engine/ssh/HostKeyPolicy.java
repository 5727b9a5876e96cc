package io.lvsplay.engine.ssh;

/** How unknown and changed host keys are treated, as OpenSSH's StrictHostKeyChecking does. */
public enum HostKeyPolicy {
    /** Only keys already in known_hosts (Ansible's host_key_checking=True). */
    STRICT,
    /** Unknown keys are recorded in known_hosts (OpenSSH StrictHostKeyChecking=accept-new). */
    ACCEPT_NEW,
    /**
     * StrictHostKeyChecking=no (ANSIBLE_HOST_KEY_CHECKING=False): unknown keys are recorded; a changed key
     * is accepted with a loud warning, and password authentication to that host is then refused.
     */
    OFF
}
