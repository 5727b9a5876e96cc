package io.lvsplay.modules.network;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iptables plans: the rule words as Ansible builds them, found or not by iptables -C. */
class IptablesModuleTest {
    private final IptablesModule iptables = new IptablesModule();

    private static RecordedHost ruleMissing() {
        return new RecordedHost().answer(" -C ", 1, "");
    }

    @Test
    void ruleWordsFollowAnsiblesOrder() {
        Plan plan = ruleMissing().plan(iptables, args("chain", "INPUT", "protocol", "tcp", "destination_port", "80",
                "ctstate", List.of("NEW", "ESTABLISHED"), "jump", "ACCEPT", "comment", "web", "source", "!10.0.0.0/8"));
        assertEquals("-p tcp ! -s 10.0.0.0/8 -j ACCEPT --destination-port 80 -m conntrack --ctstate NEW,ESTABLISHED"
                + " -m comment --comment web", plan.result().get("rule"));
    }

    @Test
    void aMissingRuleIsAppendedAndAPresentOneLeftAlone() {
        RecordedHost host = ruleMissing();
        Plan plan = host.plan(iptables, args("chain", "INPUT", "protocol", "tcp", "jump", "ACCEPT"));
        assertEquals(List.of("iptables -t filter -A INPUT -p tcp -j ACCEPT"), host.apply(plan));
        assertFalse(new RecordedHost().plan(iptables, args("chain", "INPUT", "protocol", "tcp", "jump", "ACCEPT"))
                .changesSomething());
    }

    @Test
    void insertUsesTheRuleNumber() {
        RecordedHost host = ruleMissing();
        Plan plan = host.plan(iptables, args("table", "nat", "chain", "PREROUTING", "action", "insert", "rule_num", "2",
                "protocol", "tcp", "destination", "10.0.0.1", "jump", "DNAT", "to_destination", "10.0.0.2:80"));
        assertEquals(List.of("iptables -t nat -I PREROUTING 2 -p tcp -d 10.0.0.1 -j DNAT --to-destination 10.0.0.2:80"),
                host.apply(plan));
    }

    @Test
    void absentDeletesAPresentRule() {
        RecordedHost host = new RecordedHost();
        Plan plan = host.plan(iptables, args("chain", "INPUT", "source", "1.2.3.4", "jump", "DROP", "state", "absent"));
        assertEquals(List.of("iptables -t filter -D INPUT -s 1.2.3.4 -j DROP"), host.apply(plan));
    }

    @Test
    void policyChangesOnlyWhenDifferent() {
        RecordedHost accept = new RecordedHost().answer(" -L ", "Chain FORWARD (policy ACCEPT)\ntarget prot opt source\n");
        assertFalse(accept.plan(iptables, args("chain", "FORWARD", "policy", "ACCEPT")).changesSomething());
        assertEquals(List.of("iptables -t filter -P FORWARD DROP"),
                accept.apply(accept.plan(iptables, args("chain", "FORWARD", "policy", "DROP"))));
    }

    @Test
    void flushIsAChangeOnlyWhenTheChainHasRules() {
        RecordedHost empty = new RecordedHost().answer(" -S ", "-P INPUT ACCEPT\n");
        assertFalse(empty.plan(iptables, args("chain", "INPUT", "flush", true)).changesSomething());
        RecordedHost full = new RecordedHost().answer(" -S ", "-P INPUT ACCEPT\n-A INPUT -j DROP\n");
        assertEquals(List.of("iptables -t filter -F INPUT"), full.apply(full.plan(iptables, args("chain", "INPUT", "flush", true))));
    }

    @Test
    void chainManagementCreatesAMissingChainFirst() {
        RecordedHost host = new RecordedHost().answer(" -C ", 1, "").answer(" -L ", 1, "");
        Plan plan = host.plan(iptables, args("chain", "LVS", "jump", "RETURN", "chain_management", true));
        assertEquals(List.of("iptables -t filter -N LVS", "iptables -t filter -A LVS -j RETURN"), host.apply(plan));
    }

    @Test
    void logOptionsNeedTheLogTarget() {
        assertThrows(ModuleFailure.class, () -> ruleMissing().plan(iptables,
                args("chain", "INPUT", "jump", "DROP", "log_prefix", "x")));
        assertEquals("-j LOG --log-prefix 'dropped: '".replace("'", ""), ruleMissing()
                .plan(iptables, args("chain", "INPUT", "log_prefix", "dropped: ")).result().get("rule"));
    }
}
