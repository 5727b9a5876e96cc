package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.Log;
import io.lvsplay.agent.control.ControlReply;
import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Opt;
import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.stats.IpvsFormat;
import io.lvsplay.agent.stats.ServiceSnapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The agent's side of {@code lvsplay-agent ipvsadm}: parses the same command line again (the client's check is
 * for messages only; the agent never trusts it) and applies it to the running table under the agent's lock.
 */
public final class IpvsadmServer {
    private IpvsadmServer() {
    }

    /** {@code ipvsadm ARGS}. */
    public static ControlReply run(IpvsadmTarget agent, List<String> args) {
        try {
            IpvsadmCommand c = IpvsadmParser.parse(args);
            return switch (c.cmd()) {
                case LIST -> ControlReply.ok(list(agent, c));
                case SAVE -> ControlReply.ok(IpvsFormat.save(agent.snapshot()));
                case ZERO -> {
                    if (!agent.zero(Optional.ofNullable(c.service()))) {
                        throw new IpvsadmException(IpvsadmException.REFUSED, "No such service");
                    }
                    yield ControlReply.ok("");
                }
                case TIMEOUT -> throw new IpvsadmException(IpvsadmException.USAGE,
                        "lvsplay does not support --set: the agent's idle timeouts are 'timeouts:' in its config file");
                case RESTORE -> throw new IpvsadmException(IpvsadmException.USAGE, "-R reads its rules from standard input");
                case HELP, VERSION -> ControlReply.ok("");
                default -> {
                    synchronized (agent) {
                        agent.replaceRules(TableEdit.apply(agent.rules(), c));
                    }
                    Log.info("ipvsadm " + String.join(" ", args));
                    yield ControlReply.ok("");
                }
            };
        } catch (IpvsadmException e) {
            return new ControlReply(e.exitCode(), e.getMessage() + "\n");
        }
    }

    /** {@code ipvsadm -R}: the lines apply in order; the first that fails stops the rest, as in ipvsadm. */
    public static ControlReply restore(IpvsadmTarget agent, List<String> lines) {
        synchronized (agent) {
            RuleTable table = agent.rules();
            try {
                for (String line : lines) {
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    List<String> words = Arrays.asList(text.split("\\s+"));
                    if (words.get(0).equals("ipvsadm")) {
                        words = words.subList(1, words.size());
                    }
                    IpvsadmCommand c = IpvsadmParser.parse(words);
                    if (c.cmd() == IpvsadmCommand.Cmd.LIST || c.cmd() == IpvsadmCommand.Cmd.SAVE || c.cmd() == IpvsadmCommand.Cmd.ZERO
                            || c.cmd() == IpvsadmCommand.Cmd.RESTORE || c.cmd() == IpvsadmCommand.Cmd.HELP || c.cmd() == IpvsadmCommand.Cmd.VERSION
                            || c.cmd() == IpvsadmCommand.Cmd.TIMEOUT) {
                        throw new IpvsadmException(IpvsadmException.USAGE, "-R accepts only table changes, not '" + text + "'");
                    }
                    table = TableEdit.apply(table, c);
                }
                return ControlReply.ok("");
            } catch (IpvsadmException e) {
                return new ControlReply(e.exitCode(), e.getMessage() + "\n");
            } finally {
                if (table != agent.rules()) {
                    agent.replaceRules(table);
                    Log.info("ipvsadm -R: " + lines.size() + " lines");
                }
            }
        }
    }

    private static String list(IpvsadmTarget agent, IpvsadmCommand c) throws IpvsadmException {
        if (c.has(Opt.CONNECTION) || c.has(Opt.PERSISTENTCONN)) {
            throw new IpvsadmException(IpvsadmException.USAGE, "lvsplay does not support listing connection entries (-c, --persistent-conn)");
        }
        if (c.has(Opt.TIMEOUT)) {
            return "Timeout (tcp tcpfin udp): " + agent.timeouts().tcp() + " " + agent.timeouts().tcpFin() + " " + agent.timeouts().udp() + "\n";
        }
        if (c.has(Opt.DAEMON)) {
            return "";
        }
        List<ServiceSnapshot> services = agent.snapshot();
        if (c.service() != null) {
            services = services.stream().filter(s -> s.key().equals(c.service())).toList();
            if (services.isEmpty()) {
                throw new IpvsadmException(IpvsadmException.REFUSED, "No such service");
            }
        }
        IpvsFormat.Layout layout = c.has(Opt.STATS) ? IpvsFormat.Layout.STATS : c.has(Opt.RATE) ? IpvsFormat.Layout.RATE
                : c.has(Opt.THRESHOLDS) ? IpvsFormat.Layout.THRESHOLDS : IpvsFormat.Layout.PLAIN;
        String text = IpvsFormat.list(services, layout, c.has(Opt.EXACT));
        // One service: ipvsadm prints no version line and no header (list_service).
        return c.service() == null ? text : text.substring(text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 1);
    }
}
