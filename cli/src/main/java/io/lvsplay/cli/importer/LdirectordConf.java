package io.lvsplay.cli.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ldirectord.cf (ldirectord 4.x syntax): global settings, then {@code virtual=IP:PORT}
 * blocks whose lines are indented. A service's check becomes lvs_virtual_services' check: keys
 * (negotiate over http = HTTP_GET, connect = TCP_CHECK, external = MISC_CHECK) with ldirectord's
 * own defaults made explicit, so the rendered file behaves the same. What lvsplay does not render
 * is listed in {@link Import#notImported()}; what it cannot express is refused with file:line.
 */
public final class LdirectordConf {

    private static final Map<String, String> METHODS = Map.of("gate", "dr", "masq", "nat", "ipip", "tun");
    private static final Pattern REAL = Pattern.compile("(\\S+):(\\d+)(?:\\s+(gate|masq|ipip))?(?:\\s+(\\d+))?(\\s+.*)?");
    private static final Set<String> SERVICE_KEYS = Set.of("real", "fallback", "scheduler", "protocol", "persistent",
            "quiescent", "checktype", "service", "request", "receive", "virtualhost", "negotiatetimeout", "checktimeout",
            "checkinterval", "failurecount", "checkport", "checkcommand");
    /** Globals that are defaults for every virtual (the rest are ldirectord's own settings). */
    private static final Set<String> SERVICE_DEFAULTS = Set.of("quiescent", "fallback", "negotiatetimeout", "checktimeout",
            "checkinterval", "failurecount");
    // ldirectord's defaults (ldirectord(8)): taken when the file does not say
    private static final Map<String, String> DEFAULTS = Map.of("quiescent", "yes", "checktimeout", "5",
            "negotiatetimeout", "30", "checkinterval", "10", "failurecount", "1", "scheduler", "wrr", "protocol", "tcp",
            "checktype", "negotiate");

    /** What an ldirectord.cf says, in the playbooks' terms; {@code log} is its logfile, or null. */
    public record Import(List<VirtualService> services, Map<String, Map<String, Object>> checks,
            Map<String, String> sorryServers, Map<String, Boolean> quiescent, String log, List<String> notImported) {
    }

    private LdirectordConf() {
    }

    private record Line(int number, String key, String value) {
    }

    public static Import parse(String text, String source) {
        Map<String, Line> globals = new LinkedHashMap<>();
        List<List<Line>> blocks = new ArrayList<>();
        List<String> notImported = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i].replaceFirst("\\s+#.*$", "").replaceFirst("^#.*$", "");
            if (raw.isBlank()) {
                continue;
            }
            int eq = raw.indexOf('=');
            if (eq < 0) {
                throw new ImportException(source + ":" + (i + 1) + ": expected KEY=VALUE, got '" + raw.strip() + "'");
            }
            Line line = new Line(i + 1, raw.substring(0, eq).strip(), unquote(raw.substring(eq + 1).strip()));
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (!indented && line.key().equals("virtual")) {
                blocks.add(new ArrayList<>(List.of(line)));
            } else if (indented && !blocks.isEmpty()) {
                blocks.get(blocks.size() - 1).add(line);
            } else if (indented) {
                throw new ImportException(source + ":" + line.number() + ": an indented line before the first virtual=");
            } else if (!blocks.isEmpty() && SERVICE_DEFAULTS.contains(line.key())) {
                throw new ImportException(source + ":" + line.number() + ": global " + line.key()
                        + "= after a virtual= block (ldirectord applies it to the blocks above too): lvsplay import reads globals first");
            } else {
                globals.put(line.key(), line);
            }
        }
        String log = null;
        for (Line g : globals.values()) {
            if (g.key().equals("logfile")) {
                log = g.value();
            } else if ((g.key().equals("autoreload") && g.value().equals("no")) || g.key().equals("fork")) {
                // how ldirectord runs, not what it sets up (lvsplay writes fork=yes where it matters)
                continue;
            } else if (!SERVICE_DEFAULTS.contains(g.key())) {
                notImported.add(source + ":" + g.number() + ": " + g.key() + "=" + g.value());
            }
        }
        List<VirtualService> services = new ArrayList<>();
        Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
        Map<String, String> sorry = new LinkedHashMap<>();
        Map<String, Boolean> quiescent = new LinkedHashMap<>();
        for (List<Line> block : blocks) {
            Service s = service(block, globals, source, notImported);
            services.add(s.service());
            checks.put(s.service().key(), s.check());
            quiescent.put(s.service().key(), s.quiescent());
            if (s.fallback() != null) {
                sorry.put(s.service().key(), s.fallback());
            }
        }
        return new Import(services, checks, sorry, quiescent, log, notImported);
    }

    private record Service(VirtualService service, Map<String, Object> check, boolean quiescent, String fallback) {
    }

    private static Service service(List<Line> block, Map<String, Line> globals, String source, List<String> notImported) {
        Line head = block.get(0);
        String where = source + ":" + head.number();
        Matcher vip = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d+)").matcher(head.value());
        if (!vip.matches()) {
            throw new ImportException(where + ": lvsplay import reads 'virtual=IPv4:PORT' (not fwmarks, IPv6 or names), got '"
                    + head.value() + "'");
        }
        Map<String, Line> own = new LinkedHashMap<>();
        List<VirtualService.RealServer> reals = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        for (Line l : block.subList(1, block.size())) {
            if (!SERVICE_KEYS.contains(l.key())) {
                notImported.add(source + ":" + l.number() + ": " + l.key() + "=" + l.value());
            } else if (l.key().equals("real")) {
                Matcher m = REAL.matcher(l.value());
                if (!m.matches() || m.group(5) != null) {
                    throw new ImportException(source + ":" + l.number() + ": lvsplay import reads 'real=IP:PORT gate|masq|ipip [WEIGHT]'"
                            + " (no per-server request/receive), got '" + l.value() + "'");
                }
                modes.add(METHODS.get(m.group(3) == null ? "gate" : m.group(3)));
                reals.add(new VirtualService.RealServer(m.group(1), Integer.parseInt(m.group(2)),
                        m.group(4) == null ? 1 : Integer.parseInt(m.group(4))));
            } else {
                own.put(l.key(), l);
            }
        }
        if (modes.stream().distinct().count() > 1) {
            throw new ImportException(where + ": virtual " + head.value() + " mixes forwarding methods " + modes
                    + ": lvs_mode is one per cluster");
        }
        String protocol = setting("protocol", own, globals).orElseThrow();
        String scheduler = setting("scheduler", own, globals).orElseThrow();
        VirtualService service = new VirtualService(vip.group(1), Integer.parseInt(vip.group(2)), protocol, scheduler,
                Integer.parseInt(setting("persistent", own, globals).orElse("0")), modes.isEmpty() ? "dr" : modes.get(0), reals);
        String fallback = setting("fallback", own, globals).map(f -> f.split("\\s+")[0]).orElse(null);
        boolean quiescent = setting("quiescent", own, globals).orElseThrow().equals("yes");
        return new Service(service, check(service, own, globals, where), quiescent, fallback);
    }

    private static Map<String, Object> check(VirtualService s, Map<String, Line> own, Map<String, Line> globals, String where) {
        String type = setting("checktype", own, globals).orElseThrow();
        String svc = setting("service", own, globals).orElse(s.port() == 80 ? "http" : "none");
        Map<String, Object> check = new LinkedHashMap<>();
        int timeout;
        switch (type) {
            case "negotiate" -> {
                if (!svc.equals("http")) {
                    throw new ImportException(where + ": checktype=negotiate with service=" + svc
                            + ": lvsplay renders negotiate checks over http only (HTTP_GET)");
                }
                check.put("type", "HTTP_GET");
                check.put("path", setting("request", own, globals).map(r -> r.startsWith("/") ? r : "/" + r).orElse("/"));
                setting("receive", own, globals).ifPresent(r -> check.put("receive", r));
                setting("virtualhost", own, globals).ifPresent(v -> check.put("virtualhost", v));
                timeout = Integer.parseInt(setting("negotiatetimeout", own, globals).orElseThrow());
            }
            case "connect" -> {
                check.put("type", "TCP_CHECK");
                timeout = Integer.parseInt(setting("checktimeout", own, globals).orElseThrow());
            }
            case "external" -> {
                check.put("type", "MISC_CHECK");
                check.put("misc_path", setting("checkcommand", own, globals).orElseThrow(
                        () -> new ImportException(where + ": checktype=external needs checkcommand=")));
                timeout = Integer.parseInt(setting("checktimeout", own, globals).orElseThrow());
                check.put("misc_timeout", timeout);
            }
            default -> throw new ImportException(where + ": checktype=" + type
                    + " has no lvsplay health check (negotiate over http, connect and external do)");
        }
        check.put("delay_loop", Integer.parseInt(setting("checkinterval", own, globals).orElseThrow()));
        check.put("connect_timeout", timeout);
        check.put("retry", Integer.parseInt(setting("failurecount", own, globals).orElseThrow()) - 1);
        setting("checkport", own, globals).ifPresent(p -> check.put("connect_port", Integer.parseInt(p)));
        return check;
    }

    /** The virtual's own setting, else the global one (for the keys ldirectord inherits), else its default. */
    private static Optional<String> setting(String key, Map<String, Line> own, Map<String, Line> globals) {
        if (own.containsKey(key)) {
            return Optional.of(own.get(key).value());
        }
        if (SERVICE_DEFAULTS.contains(key) && globals.containsKey(key)) {
            return Optional.of(globals.get(key).value());
        }
        return Optional.ofNullable(DEFAULTS.get(key));
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
