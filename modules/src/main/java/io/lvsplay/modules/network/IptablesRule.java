package io.lvsplay.modules.network;

import io.lvsplay.engine.module.ModuleArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule arguments of Ansible's iptables module turned into iptables words, in the order and
 * with the quirks of its construct_rule (a leading "!" negates, ctstate adds -m conntrack unless a
 * state/conntrack match is given, comment adds -m comment), so `-C` finds rules Ansible added.
 */
final class IptablesRule {
    private final ModuleArgs args;
    private final List<String> words = new ArrayList<>();

    private IptablesRule(ModuleArgs args) {
        this.args = args;
    }

    static List<String> of(ModuleArgs args) {
        return new IptablesRule(args).build();
    }

    private List<String> build() {
        List<String> match = strings("match");
        String jump = args.str("jump");
        if (jump == null && (args.has("log_prefix") || args.has("log_level"))) {
            jump = "LOG";
        }
        flag("wait", "-w");
        param("protocol", "-p");
        param("source", "-s");
        param("destination", "-d");
        match.forEach(m -> param(m, "-m", true));
        tcpFlags();
        param(jump, "-j", true);
        if (jump != null && jump.equalsIgnoreCase("tee")) {
            param("gateway", "--gateway");
        }
        param("log_prefix", "--log-prefix");
        param("log_level", "--log-level");
        param("to_destination", "--to-destination");
        csv("destination_ports", "multiport", "--dports");
        param("to_source", "--to-source");
        param("goto", "-g");
        param("in_interface", "-i");
        param("out_interface", "-o");
        param("fragment", "-f");
        param("set_counters", "-c");
        param("source_port", "--source-port");
        param("destination_port", "--destination-port");
        param("to_ports", "--to-ports");
        param("set_dscp_mark", "--set-dscp");
        param("set_dscp_mark_class", "--set-dscp-class");
        switch (args.str("syn", "ignore")) {
            case "match" -> words.add("--syn");
            case "negate" -> words.addAll(List.of("!", "--syn"));
            default -> {
            }
        }
        if (match.contains("conntrack")) {
            csv("ctstate", null, "--ctstate");
        } else if (match.contains("state")) {
            csv("ctstate", null, "--state");
        } else {
            csv("ctstate", "conntrack", "--ctstate");
        }
        if (!match.contains("iprange") && (args.has("src_range") || args.has("dst_range"))) {
            words.addAll(List.of("-m", "iprange"));
        }
        param("src_range", "--src-range");
        param("dst_range", "--dst-range");
        if (args.has("match_set")) {
            if (!match.contains("set")) {
                words.addAll(List.of("-m", "set"));
            }
            param("match_set", "--match-set");
            if (args.has("match_set_flags")) {
                words.add(args.str("match_set_flags"));
            }
        }
        if (args.has("limit") || args.has("limit_burst")) {
            words.addAll(List.of("-m", "limit"));
        }
        param("limit", "--limit");
        param("limit_burst", "--limit-burst");
        owner("uid_owner", "--uid-owner");
        owner("gid_owner", "--gid-owner");
        if (jump == null && args.has("reject_with")) {
            words.addAll(List.of("-j", "REJECT"));
        }
        param("reject_with", "--reject-with");
        param("icmp_type", args.str("ip_version", "ipv4").equals("ipv6") ? "--icmpv6-type" : "--icmp-type");
        if (args.has("comment")) {
            words.addAll(List.of("-m", "comment"));
        }
        param("comment", "--comment");
        return words;
    }

    private void param(String name, String flag) {
        param(args.str(name), flag, true);
    }

    private void param(String value, String flag, boolean negatable) {
        if (value == null) {
            return;
        }
        if (negatable && value.startsWith("!")) {
            words.addAll(List.of("!", flag, value.substring(1)));
        } else {
            words.addAll(List.of(flag, value));
        }
    }

    private void flag(String name, String flag) {
        if (args.has(name) && !args.str(name).isEmpty()) {
            words.addAll(List.of(flag, args.str(name)));
        }
    }

    private void csv(String name, String matchModule, String flag) {
        List<String> values = strings(name);
        if (values.isEmpty()) {
            return;
        }
        if (matchModule != null) {
            words.addAll(List.of("-m", matchModule));
        }
        words.addAll(List.of(flag, String.join(",", values)));
    }

    private void owner(String name, String flag) {
        if (args.has(name)) {
            words.addAll(List.of("-m", "owner"));
            param(name, flag);
        }
    }

    private void tcpFlags() {
        Map<String, Object> tcp = args.dict("tcp_flags");
        if (tcp.get("flags") instanceof List<?> flags && tcp.get("flags_set") instanceof List<?> set) {
            words.addAll(List.of("--tcp-flags", join(flags), join(set)));
        }
    }

    private static String join(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private List<String> strings(String name) {
        return args.list(name).stream().map(String::valueOf).toList();
    }
}
