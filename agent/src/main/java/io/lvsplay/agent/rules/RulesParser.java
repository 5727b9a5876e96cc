package io.lvsplay.agent.rules;

import io.lvsplay.agent.config.InvalidConfigException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the ipvsadm rules format ({@code ipvsadm-save -n}, {@code /etc/sysconfig/ipvsadm}), so the same file can
 * feed kernel IPVS ({@code ipvsadm-restore}) or this agent.
 */
public final class RulesParser {

    public static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "sed", "nq", "sh", "dh", "mh", "lblc", "lblcr", "fo", "ovf");
    public static final String DEFAULT_SCHEDULER = "wlc";

    private static final Map<String, String> LONG_OPTIONS = Map.ofEntries(
            Map.entry("--add-service", "-A"), Map.entry("--add-server", "-a"),
            Map.entry("--tcp-service", "-t"), Map.entry("--udp-service", "-u"),
            Map.entry("--scheduler", "-s"), Map.entry("--persistent", "-p"), Map.entry("--netmask", "-M"),
            Map.entry("--sched-flags", "-b"), Map.entry("--real-server", "-r"),
            Map.entry("--gatewaying", "-g"), Map.entry("--masquerading", "-m"), Map.entry("--ipip", "-i"),
            Map.entry("--weight", "-w"), Map.entry("--u-threshold", "-x"), Map.entry("--l-threshold", "-y"));

    private RulesParser() {
    }

    public static RuleTable parse(Path file) throws InvalidConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidConfigException(file, 0, "cannot read rules file: " + e.getMessage());
        }
        return parse(file.toString(), TextFile.decode(file.toString(), bytes));
    }

    public static RuleTable parse(String fileName, String text) throws InvalidConfigException {
        Map<ServiceKey, ServiceBuilder> services = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Optional<ProxyMode> proxy = extension(lines[i]);
                parseLine(line, lineNo, services, proxy);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(fileName, lineNo, TextFile.cut(e.getMessage()));
            }
        }
        List<ServiceRule> result = new ArrayList<>();
        for (ServiceBuilder b : services.values()) {
            result.add(b.build());
        }
        return new RuleTable(result);
    }

    /**
     * The agent's extension comment, "# lvsplay: send_proxy=v1|v2|none" at the end of an -a line: kernel IPVS
     * (ipvsadm-restore) reads the line without it. Any other "lvsplay:" key is an error, never ignored.
     */
    private static Optional<ProxyMode> extension(String raw) {
        int hash = raw.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String comment = raw.substring(hash + 1).trim();
        if (!comment.startsWith("lvsplay:")) {
            return Optional.empty();
        }
        String setting = comment.substring("lvsplay:".length()).trim();
        if (!setting.startsWith("send_proxy=")) {
            throw new IllegalArgumentException("unknown lvsplay extension '" + setting + "'; the only one is 'send_proxy=v1|v2|none'");
        }
        return Optional.of(ProxyMode.parse(setting.substring("send_proxy=".length())));
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    private static void parseLine(String line, int lineNo, Map<ServiceKey, ServiceBuilder> services, Optional<ProxyMode> proxy) {
        List<String> tokens = tokenize(line);
        if (tokens.get(0).equals("ipvsadm")) {
            tokens.remove(0);
        }
        Options o = Options.read(tokens);
        if (o.command == null) {
            throw new IllegalArgumentException("expected -A (add service) or -a (add real server) in '" + line + "'");
        }
        if (o.service == null) {
            throw new IllegalArgumentException("missing -t VIP:PORT or -u VIP:PORT");
        }
        if (o.command.equals("-A")) {
            if (services.containsKey(o.service)) {
                throw new IllegalArgumentException("service " + o.service + " is already defined");
            }
            if (o.service.vip().port() == 0) {
                // ipvsadm's own rule; with -p, port 0 means "every port", which a proxy cannot listen on.
                throw new IllegalArgumentException(o.persistTimeout == null ? "Zero port specified for non-persistent service"
                        : "lvsplay does not support port 0 (all ports) services; give each port its own -A line");
            }
            o.rejectServerOptions();
            if (proxy.isPresent()) {
                throw new IllegalArgumentException("'# lvsplay: send_proxy' belongs on -a lines; for the whole service set send_proxy in the agent config");
            }
            services.put(o.service, new ServiceBuilder(o.service, o.scheduler(), o.persistence(), o.flags(o.scheduler()), lineNo));
        } else {
            ServiceBuilder svc = services.get(o.service);
            if (svc == null) {
                throw new IllegalArgumentException("service " + o.service + " is not defined; add it with -A before adding real servers");
            }
            o.rejectServiceOptions();
            RealServerRule rs = o.realServer(lineNo);
            svc.add(new RealServerRule(rs.address(), rs.forward(), rs.weight(), rs.upperThreshold(), rs.lowerThreshold(), lineNo, proxy));
        }
    }

    /** Splits on blanks and expands "--weight=3" into "--weight 3"; long options become their short form. */
    private static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        for (String word : line.split("\\s+")) {
            String value = null;
            if (word.startsWith("--") && word.contains("=")) {
                value = word.substring(word.indexOf('=') + 1);
                word = word.substring(0, word.indexOf('='));
            }
            if (word.startsWith("--")) {
                String shortForm = LONG_OPTIONS.get(word);
                if (shortForm == null) {
                    throw new IllegalArgumentException("unknown option '" + word + "'");
                }
                word = shortForm;
            }
            out.add(word);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private static final class Options {
        String command;
        ServiceKey service;
        String scheduler;
        Integer persistTimeout;
        String netmask;
        String schedFlags;
        String realServer;
        ForwardMethod forward;
        Integer weight;
        Integer upper;
        Integer lower;

        static Options read(List<String> t) {
            Options o = new Options();
            for (int i = 0; i < t.size(); i++) {
                String opt = t.get(i);
                switch (opt) {
                    case "-A", "-a" -> {
                        if (o.command != null) {
                            throw new IllegalArgumentException("only one of -A and -a may be given per line");
                        }
                        o.command = opt;
                    }
                    case "-t", "-u" -> o.service = new ServiceKey(Protocol.parse(opt), Endpoint.parse(value(t, ++i, opt), -1));
                    case "-s" -> o.scheduler = value(t, ++i, opt);
                    case "-p" -> {
                        o.persistTimeout = Persistence.DEFAULT_TIMEOUT;
                        if (i + 1 < t.size() && t.get(i + 1).matches("\\d+")) {
                            o.persistTimeout = number(t.get(++i), opt, 1, Integer.MAX_VALUE);
                        }
                    }
                    case "-M" -> o.netmask = value(t, ++i, opt);
                    case "-b" -> o.schedFlags = value(t, ++i, opt);
                    case "-r" -> o.realServer = value(t, ++i, opt);
                    case "-g" -> o.forward = ForwardMethod.ROUTE;
                    case "-m" -> o.forward = ForwardMethod.MASQ;
                    case "-i" -> o.forward = ForwardMethod.TUNNEL;
                    case "-w" -> o.weight = number(value(t, ++i, opt), opt, 0, 65535);
                    case "-x" -> o.upper = number(value(t, ++i, opt), opt, 0, 65535);
                    case "-y" -> o.lower = number(value(t, ++i, opt), opt, 0, 65535);
                    default -> throw new IllegalArgumentException("unknown option '" + opt + "'");
                }
            }
            return o;
        }

        private static String value(List<String> t, int i, String opt) {
            if (i >= t.size() || (t.get(i).startsWith("-") && !t.get(i).matches("-\\d+"))) {
                throw new IllegalArgumentException("option " + opt + " needs a value");
            }
            return t.get(i);
        }

        private static int number(String text, String opt, int min, int max) {
            if (!text.matches("-?\\d{1,10}")) {
                throw new IllegalArgumentException("option " + opt + " expects a number, got '" + text + "'");
            }
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw new IllegalArgumentException("option " + opt + " value " + v + " out of range " + min + "-" + max);
            }
            return (int) v;
        }

        String scheduler() {
            String s = scheduler == null ? DEFAULT_SCHEDULER : scheduler;
            if (!SCHEDULERS.contains(s)) {
                throw new IllegalArgumentException("unknown scheduler '" + s + "', expected one of " + String.join(", ", SCHEDULERS.stream().sorted().toList()));
            }
            return s;
        }

        Optional<Persistence> persistence() {
            if (persistTimeout == null) {
                if (netmask != null) {
                    throw new IllegalArgumentException("-M NETMASK only makes sense with -p (persistent)");
                }
                return Optional.empty();
            }
            InetAddress mask = Endpoint.parseIpv4(netmask == null ? "255.255.255.255" : netmask, "-M " + netmask);
            int bits = Endpoint.bits(mask);
            if (bits != 0 && ((~bits) & ((~bits) + 1)) != 0) {
                throw new IllegalArgumentException("netmask " + netmask + " is not contiguous");
            }
            return Optional.of(new Persistence(persistTimeout, mask));
        }

        Set<SchedFlag> flags(String sched) {
            Set<SchedFlag> flags = EnumSet.noneOf(SchedFlag.class);
            if (schedFlags == null) {
                return flags;
            }
            for (String f : schedFlags.split(",")) {
                SchedFlag flag = SchedFlag.parse(f.trim());
                if (!flag.text().startsWith(sched + "-")) {
                    throw new IllegalArgumentException("scheduler flag " + flag.text() + " does not apply to scheduler " + sched);
                }
                flags.add(flag);
            }
            return flags;
        }

        RealServerRule realServer(int line) {
            if (realServer == null) {
                throw new IllegalArgumentException("-a needs -r RIP[:PORT]");
            }
            int up = upper == null ? 0 : upper;
            int low = lower == null ? 0 : lower;
            if (up > 0 && low > up) {
                throw new IllegalArgumentException("lower threshold -y " + low + " is above upper threshold -x " + up);
            }
            return new RealServerRule(Endpoint.parse(realServer, service.vip().port()),
                    forward == null ? ForwardMethod.ROUTE : forward, weight == null ? 1 : weight, up, low, line);
        }

        void rejectServerOptions() {
            if (realServer != null || forward != null || weight != null || upper != null || lower != null) {
                throw new IllegalArgumentException("-A (add service) does not take real server options -r/-g/-m/-i/-w/-x/-y; add real servers with -a");
            }
        }

        void rejectServiceOptions() {
            if (scheduler != null || persistTimeout != null || netmask != null || schedFlags != null) {
                throw new IllegalArgumentException("-a (add real server) does not take service options -s/-p/-M/-b; set them on the -A line");
            }
        }
    }

    private static final class ServiceBuilder {
        final ServiceKey key;
        final String scheduler;
        final Optional<Persistence> persistence;
        final Set<SchedFlag> flags;
        final int line;
        final List<RealServerRule> servers = new ArrayList<>();

        ServiceBuilder(ServiceKey key, String scheduler, Optional<Persistence> persistence, Set<SchedFlag> flags, int line) {
            this.key = key;
            this.scheduler = scheduler;
            this.persistence = persistence;
            this.flags = flags;
            this.line = line;
        }

        void add(RealServerRule rs) {
            for (RealServerRule existing : servers) {
                if (existing.address().equals(rs.address())) {
                    throw new IllegalArgumentException("real server " + rs.address() + " is already in service " + key + " (line " + existing.line() + ")");
                }
            }
            servers.add(rs);
        }

        ServiceRule build() {
            return new ServiceRule(key, scheduler, persistence, flags, servers, line);
        }
    }
}
