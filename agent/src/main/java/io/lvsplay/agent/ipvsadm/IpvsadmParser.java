package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Cmd;
import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Draft;
import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Opt;
import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.ForwardMethod;
import io.lvsplay.agent.rules.Persistence;
import io.lvsplay.agent.rules.Protocol;
import io.lvsplay.agent.rules.ServiceKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.lvsplay.agent.ipvsadm.IpvsadmException.USAGE;

/**
 * ipvsadm 1.31's command line (popt rules: clustered short options "-Ln", "-t1.2.3.4:80", long options with "=" or
 * a separate value, "-p" with an optional timeout) and its checks, with its messages and exit codes.
 */
public final class IpvsadmParser {
    static final String TRY_HELP = "Try `ipvsadm -h' or 'ipvsadm --help' for more information.";

    private static final Map<String, Character> LONG = Map.ofEntries(
            Map.entry("add-service", 'A'), Map.entry("edit-service", 'E'), Map.entry("delete-service", 'D'),
            Map.entry("clear", 'C'), Map.entry("list", 'L'), Map.entry("zero", 'Z'), Map.entry("add-server", 'a'),
            Map.entry("edit-server", 'e'), Map.entry("delete-server", 'd'), Map.entry("help", 'h'),
            Map.entry("version", 'v'), Map.entry("restore", 'R'), Map.entry("save", 'S'), Map.entry("tcp-service", 't'),
            Map.entry("udp-service", 'u'), Map.entry("fwmark-service", 'f'), Map.entry("scheduler", 's'),
            Map.entry("persistent", 'p'), Map.entry("netmask", 'M'), Map.entry("real-server", 'r'),
            Map.entry("masquerading", 'm'), Map.entry("ipip", 'i'), Map.entry("gatewaying", 'g'), Map.entry("weight", 'w'),
            Map.entry("u-threshold", 'x'), Map.entry("l-threshold", 'y'), Map.entry("numeric", 'n'),
            Map.entry("connection", 'c'), Map.entry("sched-flags", 'b'), Map.entry("exact", 'X'), Map.entry("ops", 'o'),
            Map.entry("set", '1'), Map.entry("timeout", '2'), Map.entry("daemon", '3'), Map.entry("stats", '4'),
            Map.entry("rate", '5'), Map.entry("thresholds", '6'), Map.entry("persistent-conn", '7'),
            Map.entry("nosort", '8'), Map.entry("sort", '9'), Map.entry("start-daemon", '!'), Map.entry("stop-daemon", '?'),
            Map.entry("pe", '^'), Map.entry("mcast-interface", '%'), Map.entry("syncid", '&'));
    private static final String WITH_VALUE = "tufsMrwxyb!?^%&";
    private static final String SHORT = "AEDCLlZaedhvRStufspMrmigwxynbcXo6";

    private IpvsadmParser() {
    }

    /** One token stream item: the option letter and its value (null when it takes none). */
    private record Item(char opt, String value, String spelled) {
    }

    public static IpvsadmCommand parse(List<String> args) throws IpvsadmException {
        List<Item> items = tokenize(args);
        if (items.isEmpty()) {
            return listAll();
        }
        Draft d = new Draft();
        d.cmd = command(items.get(0).opt);
        if (d.cmd == null) {
            throw new IpvsadmException(IpvsadmException.REFUSED, TRY_HELP);
        }
        for (Item it : items.subList(1, items.size())) {
            apply(d, it);
        }
        OptionRules.check(d.cmd, d.given);
        if ((d.cmd == Cmd.ADD || d.cmd == Cmd.EDIT)) {
            if (d.service.vip().port() == 0 && !d.given.contains(Opt.PERSISTENT)) {
                throw new IpvsadmException(USAGE, "Zero port specified for non-persistent service");
            }
            if (d.scheduler == null) {
                d.scheduler = "wlc";
            }
        }
        return d.build();
    }

    private static IpvsadmCommand listAll() {
        Draft d = new Draft();
        d.cmd = Cmd.LIST;
        return d.build();
    }

    private static List<Item> tokenize(List<String> args) throws IpvsadmException {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Character c = LONG.get(name);
                if (c == null) {
                    throw new IpvsadmException(USAGE, a + ": unknown option");
                }
                if (value == null && takesValue(c)) {
                    if (i + 1 >= args.size()) {
                        throw new IpvsadmException(USAGE, a + ": missing argument");
                    }
                    value = args.get(++i);
                } else if (value == null && c == 'p' && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    value = args.get(++i);
                }
                out.add(new Item(c, value, a));
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    if (SHORT.indexOf(c) < 0) {
                        throw new IpvsadmException(USAGE, "-" + c + ": unknown option");
                    }
                    boolean optional = c == 'p';
                    if (takesValue(c) || optional) {
                        String value = a.substring(k + 1);
                        if (value.isEmpty()) {
                            if (i + 1 < args.size() && (!optional || !args.get(i + 1).startsWith("-"))) {
                                value = args.get(++i);
                            } else if (!optional) {
                                throw new IpvsadmException(USAGE, "-" + c + ": missing argument");
                            } else {
                                value = null;
                            }
                        }
                        out.add(new Item(c, value, "-" + c));
                        break;
                    }
                    out.add(new Item(c, null, "-" + c));
                }
            } else {
                throw new IpvsadmException(USAGE, "unexpected argument " + a);
            }
        }
        return out;
    }

    private static boolean takesValue(char c) {
        return WITH_VALUE.indexOf(c) >= 0;
    }

    private static Cmd command(char c) throws IpvsadmException {
        return switch (c) {
            case 'A' -> Cmd.ADD;
            case 'E' -> Cmd.EDIT;
            case 'D' -> Cmd.DEL;
            case 'C' -> Cmd.FLUSH;
            case 'L', 'l' -> Cmd.LIST;
            case 'Z' -> Cmd.ZERO;
            case 'a' -> Cmd.ADDDEST;
            case 'e' -> Cmd.EDITDEST;
            case 'd' -> Cmd.DELDEST;
            case '1' -> Cmd.TIMEOUT;
            case 'R' -> Cmd.RESTORE;
            case 'S' -> Cmd.SAVE;
            case 'h' -> Cmd.HELP;
            case 'v' -> Cmd.VERSION;
            case '!', '?' -> throw new IpvsadmException(USAGE, "lvsplay does not support the connection sync daemon (--start-daemon, --stop-daemon)");
            default -> null;
        };
    }

    private static void apply(Draft d, Item it) throws IpvsadmException {
        if (command(it.opt) != null) {
            throw new IpvsadmException(USAGE, "multiple commands specified");
        }
        switch (it.opt) {
            case 't', 'u' -> {
                set(d, Opt.SERVICE);
                d.service = new ServiceKey(it.opt == 't' ? Protocol.TCP : Protocol.UDP, address(it.value, -1, "illegal virtual server address[:port] specified"));
            }
            case 'f' -> throw new IpvsadmException(USAGE, "lvsplay does not support fwmark services (-f): the agent forwards -t and -u services");
            case 's' -> {
                set(d, Opt.SCHEDULER);
                d.scheduler = it.value;
            }
            case 'p' -> {
                set(d, Opt.PERSISTENT);
                d.persistTimeout = it.value == null ? Persistence.DEFAULT_TIMEOUT : number(it.value, 1, Integer.MAX_VALUE,
                        "invalid timeout value `" + it.value + "' specified");
            }
            case 'M' -> {
                set(d, Opt.NETMASK);
                if (!it.value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    throw new IpvsadmException(USAGE, "illegal virtual server persistent mask specified");
                }
                d.netmask = it.value;
            }
            case 'b' -> {
                set(d, Opt.SCHED_FLAGS);
                d.schedFlags = it.value;
            }
            case 'r' -> {
                set(d, Opt.SERVER);
                int port = d.service == null ? 0 : d.service.vip().port();
                d.realServer = address(it.value, port, "illegal real server address[:port] specified");
            }
            case 'g', 'm', 'i' -> {
                set(d, Opt.FORWARD);
                d.forward = it.opt == 'g' ? ForwardMethod.ROUTE : it.opt == 'm' ? ForwardMethod.MASQ : ForwardMethod.TUNNEL;
            }
            case 'w' -> {
                set(d, Opt.WEIGHT);
                d.weight = number(it.value, 0, 65535, "illegal weight specified");
            }
            case 'x' -> {
                set(d, Opt.UTHRESHOLD);
                d.upper = number(it.value, 0, Integer.MAX_VALUE, "illegal u_threshold specified");
            }
            case 'y' -> {
                set(d, Opt.LTHRESHOLD);
                d.lower = number(it.value, 0, Integer.MAX_VALUE, "illegal l_threshold specified");
            }
            case 'n' -> set(d, Opt.NUMERIC);
            case 'c' -> set(d, Opt.CONNECTION);
            case 'X' -> set(d, Opt.EXACT);
            case '2' -> set(d, Opt.TIMEOUT);
            case '3' -> set(d, Opt.DAEMON);
            case '4' -> set(d, Opt.STATS);
            case '5' -> set(d, Opt.RATE);
            case '6' -> set(d, Opt.THRESHOLDS);
            case '7' -> set(d, Opt.PERSISTENTCONN);
            case '8' -> set(d, Opt.NOSORT);
            case '9' -> { } // --sort is the default, a no-op kept for compatibility (as in ipvsadm)
            case 'o' -> throw new IpvsadmException(USAGE, "lvsplay does not support one-packet scheduling (-o, --ops)");
            case '^' -> throw new IpvsadmException(USAGE, "lvsplay does not support persistence engines (--pe)");
            default -> throw new IpvsadmException(USAGE, it.spelled + ": unknown option");
        }
    }

    private static void set(Draft d, Opt o) throws IpvsadmException {
        if (!d.given.add(o)) {
            throw new IpvsadmException(USAGE, "multiple '" + o.label + "' options specified");
        }
    }

    /** parse_service(): ADDRESS[:PORT]; a real server without a port takes the service's. */
    private static Endpoint address(String text, int defaultPort, String error) throws IpvsadmException {
        try {
            return Endpoint.parse(text, defaultPort < 0 ? 0 : defaultPort);
        } catch (IllegalArgumentException e) {
            throw new IpvsadmException(USAGE, error);
        }
    }

    private static int number(String text, int min, long max, String error) throws IpvsadmException {
        if (text == null || !text.matches("\\d{1,10}") || Long.parseLong(text) < min || Long.parseLong(text) > max) {
            throw new IpvsadmException(USAGE, error);
        }
        return Integer.parseInt(text);
    }
}
