package io.lvsplay.modules.network;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's iptables: one rule present or absent (found with {@code iptables -C}), a chain's
 * policy, a flush, and chains created or deleted with chain_management. Unlike Ansible, flush is a
 * change only when the chain (or table) has rules, so re-runs report changed=0.
 */
public final class IptablesModule implements Module {
    private static final Pattern POLICY = Pattern.compile("\\(policy ([A-Z]+)\\)");
    private static final ArgSpec SPEC = ArgSpec.of()
            .choice("table", "filter", "filter", "nat", "mangle", "raw", "security")
            .choice("state", "present", "absent", "present")
            .choice("action", "append", "append", "insert")
            .choice("ip_version", "ipv4", "ipv4", "ipv6")
            .arg("chain", Type.STR).arg("rule_num", Type.STR).arg("protocol", Type.STR).arg("wait", Type.STR)
            .arg("source", Type.STR).arg("to_source", Type.STR).arg("destination", Type.STR)
            .arg("to_destination", Type.STR)
            .arg("match", Type.LIST).elements(Type.STR)
            .arg("tcp_flags", Type.DICT).options(ArgSpec.of().arg("flags", Type.LIST).elements(Type.STR)
                    .arg("flags_set", Type.LIST).elements(Type.STR))
            .arg("jump", Type.STR).arg("gateway", Type.STR).arg("log_prefix", Type.STR)
            .choice("log_level", null, "0", "1", "2", "3", "4", "5", "6", "7", "emerg", "alert", "crit", "error",
                    "warning", "notice", "info", "debug")
            .arg("goto", Type.STR).arg("in_interface", Type.STR).arg("out_interface", Type.STR)
            .arg("fragment", Type.STR).arg("set_counters", Type.STR).arg("source_port", Type.STR)
            .arg("destination_port", Type.STR)
            .arg("destination_ports", Type.LIST).elements(Type.STR)
            .arg("to_ports", Type.STR).arg("set_dscp_mark", Type.STR).arg("set_dscp_mark_class", Type.STR)
            .arg("comment", Type.STR)
            .arg("ctstate", Type.LIST).elements(Type.STR)
            .arg("src_range", Type.STR).arg("dst_range", Type.STR).arg("match_set", Type.STR)
            .choice("match_set_flags", null, "src", "dst", "src,dst", "dst,src")
            .arg("limit", Type.STR).arg("limit_burst", Type.STR).arg("uid_owner", Type.STR).arg("gid_owner", Type.STR)
            .arg("reject_with", Type.STR).arg("icmp_type", Type.STR)
            .choice("syn", "ignore", "ignore", "match", "negate")
            .arg("flush", Type.BOOL, false)
            .choice("policy", null, "ACCEPT", "DROP", "QUEUE", "RETURN")
            .arg("chain_management", Type.BOOL, false)
            .mutuallyExclusive("set_dscp_mark", "set_dscp_mark_class")
            .mutuallyExclusive("flush", "policy")
            .requiredIf("jump", "TEE", "gateway").requiredIf("jump", "tee", "gateway");

    @Override
    public String name() {
        return "iptables";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String chain = args.str("chain");
        boolean flush = args.bool("flush", false);
        if (!flush && chain == null) {
            throw new ModuleFailure("Either chain or flush parameter must be specified.");
        }
        if ((args.has("log_prefix") || args.has("log_level")) && args.has("jump") && !args.str("jump").equals("LOG")) {
            throw new ModuleFailure("Logging options can only be used with the LOG jump target.");
        }
        RemoteHost host = ctx.host();
        String binary = args.str("ip_version").equals("ipv6") ? "ip6tables" : "iptables";
        if (!host.run("command -v " + binary + " >/dev/null 2>&1").ok()) {
            throw new ModuleFailure("Failed to find required executable \"" + binary + "\" on " + ctx.hostName());
        }
        List<String> rule = IptablesRule.of(args);
        String table = args.str("table");
        String base = binary + " -t " + table;
        String chainWord = chain == null ? "" : " " + ShellQuote.quote(chain);
        String ruleWords = rule.isEmpty() ? "" : " " + ShellQuote.join(rule);
        String shown = String.join(" ", rule);
        String state = args.str("state");
        List<Change> changes = new ArrayList<>();
        if (flush) {
            long rules = HostCommand.query(host, base + " -S" + chainWord, "list rules").lines()
                    .filter(l -> l.startsWith("-A ")).count();
            if (rules > 0) {
                changes.add(HostCommand.change("flush " + (chain == null ? "table " + table : "chain " + chain),
                        Diff.of(binary + " " + table, rules + " rules\n", "0 rules\n"), base + " -F" + chainWord));
            }
        } else if (args.has("policy")) {
            String listing = HostCommand.query(host, base + " -L" + chainWord, "read the policy of chain " + chain);
            Matcher m = POLICY.matcher(listing.lines().findFirst().orElse(""));
            if (!m.find()) {
                throw new ModuleFailure("Can't detect current policy");
            }
            String policy = args.str("policy");
            if (!m.group(1).equals(policy)) {
                changes.add(HostCommand.change("set policy of " + chain + " to " + policy,
                        Diff.of(binary + " " + table + " " + chain, "policy " + m.group(1) + "\n", "policy " + policy + "\n"),
                        base + " -P" + chainWord + " " + policy));
            }
        } else if (state.equals("absent") && rule.isEmpty()) {
            boolean present = host.run(base + " -L" + chainWord + " >/dev/null 2>&1").ok();
            if (present && args.bool("chain_management", false)) {
                changes.add(HostCommand.change("delete chain " + chain, null, base + " -X" + chainWord));
            }
        } else {
            boolean present = host.run(base + " -C" + chainWord + ruleWords + " >/dev/null 2>&1").ok();
            boolean wanted = state.equals("present");
            if (present != wanted) {
                String label = binary + " " + table + " " + chain;
                if (wanted) {
                    boolean chainExists = host.run(base + " -L" + chainWord + " >/dev/null 2>&1").ok();
                    if (!chainExists && args.bool("chain_management", false)) {
                        changes.add(HostCommand.change("create chain " + chain, null, base + " -N" + chainWord));
                    }
                    boolean insert = args.str("action").equals("insert");
                    String position = insert && args.has("rule_num") ? " " + ShellQuote.quote(args.str("rule_num")) : "";
                    changes.add(HostCommand.change((insert ? "insert" : "append") + " rule in " + chain,
                            Diff.of(label, "", shown + "\n"), base + (insert ? " -I" : " -A") + chainWord + position + ruleWords));
                } else {
                    changes.add(HostCommand.change("delete rule from " + chain, Diff.of(label, shown + "\n", ""),
                            base + " -D" + chainWord + ruleWords));
                }
            }
        }
        return Plan.changes(changes, Results.of("ip_version", args.str("ip_version"), "table", table, "chain", chain,
                "flush", flush, "rule", shown, "state", state, "chain_management", args.bool("chain_management", false)));
    }
}
