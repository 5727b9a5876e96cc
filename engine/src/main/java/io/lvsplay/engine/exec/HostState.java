package io.lvsplay.engine.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the run knows about one host: facts, registered results and set_facts, failure. */
final class HostState {
    final String name;
    final HostStats stats;
    final Map<String, Object> facts = new LinkedHashMap<>();
    /** set_fact and register results: above play vars, below extra vars. */
    final Map<String, Object> runVars = new LinkedHashMap<>();
    /** include_vars results: above task vars, below set_fact (Ansible's vars cache). */
    final Map<String, Object> includedVars = new LinkedHashMap<>();
    volatile boolean failed;
    /** How many times meta: clear_host_errors ran: a failure remembered across an always is then forgotten. */
    volatile int errorsCleared;
    volatile boolean unreachable;
    volatile boolean ended;
    /**
     * Enclosing sections whose failure a rescue or always of the same block catches (the block part of a
     * block with either, the rescue part of one with always). A caught failure is no failure of the play yet.
     */
    volatile int caught;
    /** Rescue or always sections the host is running now. */
    volatile int recovering;
    /** ansible_failed_task / ansible_failed_result of the host's last failure, for rescue sections. */
    volatile Map<String, Object> lastFailure;

    HostState(String name, HostStats stats) {
        this.name = name;
        this.stats = stats;
    }

    boolean active() {
        return !failed && !unreachable && !ended;
    }
}
