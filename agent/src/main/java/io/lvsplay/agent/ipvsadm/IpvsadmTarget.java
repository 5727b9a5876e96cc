package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.config.Timeouts;
import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.rules.ServiceKey;
import io.lvsplay.agent.stats.ServiceSnapshot;

import java.util.List;
import java.util.Optional;

/** What ipvsadm commands need from a running agent. */
public interface IpvsadmTarget {
    /** The rules in force (the file's, plus changes made by ipvsadm since). */
    RuleTable rules();

    /** Puts a new table in force, as a reload does, keeping the agent config. */
    void replaceRules(RuleTable rules);

    List<ServiceSnapshot> snapshot();

    /** Zeroes one service's counters, or all of them; false when the service does not exist. */
    boolean zero(Optional<ServiceKey> service);

    Timeouts timeouts();
}
