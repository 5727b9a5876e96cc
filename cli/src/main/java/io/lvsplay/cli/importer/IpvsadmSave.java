package io.lvsplay.cli.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ipvsadm -Sn} (ipvsadm-save) output: {@code -A -t VIP:PORT -s SCHED [-p SECS]} and
 * {@code -a -t VIP:PORT -r RIP:RPORT -g|-m|-i -w WEIGHT}. Anything else is refused with file:line,
 * never skipped (firewall marks, IPv6, one-packet scheduling ...).
 */
public final class IpvsadmSave {

    private static final Map<String, String> MODES = Map.of("-g", "dr", "-m", "nat", "-i", "tun");

    private static final int MAX_PROBLEMS = 50;

    private IpvsadmSave() {
    }

    public static List<VirtualService> parse(String text, String source) {
        Map<String, Builder> services = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            try {
                parseLine(line, where, services);
            } catch (ImportException e) {
                problems.add(e.getMessage());
                if (problems.size() == MAX_PROBLEMS) {
                    problems.add(source + ": more bad lines follow; stopped after " + MAX_PROBLEMS);
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            // every bad line at once, and nothing written: the caller writes only what parsed whole
            throw new ImportException(String.join("\n", problems));
        }
        return services.values().stream().map(Builder::build).toList();
    }

    private static void parseLine(String line, String where, Map<String, Builder> services) {
        String[] t = line.split("\\s+");
        if (t.length >= 2 && (t[1].equals("-f") || t[1].equals("--fwmark-service"))) {
            throw new ImportException(where + ": lvsplay does not support firewall-mark services (-f): import the "
                    + "TCP/UDP services the mark groups as -t/-u services instead");
        }
        if (t.length < 3 || !(t[1].equals("-t") || t[1].equals("-u"))) {
            throw new ImportException(where + ": lvsplay import reads TCP and UDP services (-t/-u), not: " + cut(line));
        }
        String protocol = t[1].equals("-t") ? "tcp" : "udp";
        String[] vip = hostPort(t[2], where);
        String key = protocol + " " + t[2];
        if (t[0].equals("-A")) {
            Builder b = new Builder(vip[0], number(vip[1], "port", where), protocol);
            for (int k = 3; k < t.length; k++) {
                switch (t[k]) {
                    case "-s" -> b.scheduler = value(t, ++k, where);
                    case "-p" -> b.persistence = number(value(t, ++k, where), t[k - 1], where);
                    default -> throw new ImportException(where + ": lvsplay import does not support the service option " + cut(t[k]));
                }
            }
            services.put(key, b);
        } else if (t[0].equals("-a")) {
            Builder b = services.get(key);
            if (b == null) {
                throw new ImportException(where + ": real server for " + key + " before its service (-A)");
            }
            String[] rs = null;
            String mode = null;
            int weight = 1;
            for (int k = 3; k < t.length; k++) {
                switch (t[k]) {
                    case "-r" -> rs = hostPort(value(t, ++k, where), where);
                    case "-g", "-m", "-i" -> mode = MODES.get(t[k]);
                    case "-w" -> weight = number(value(t, ++k, where), t[k - 1], where);
                    default -> throw new ImportException(where + ": lvsplay import does not support the real server option " + cut(t[k]));
                }
            }
            if (rs == null || mode == null) {
                throw new ImportException(where + ": a real server needs -r ADDRESS:PORT and -g, -m or -i");
            }
            if (b.mode != null && !b.mode.equals(mode)) {
                throw new ImportException(where + ": " + key + " mixes forwarding methods (" + b.mode + " and " + mode
                        + "); lvs_mode is one per cluster");
            }
            b.mode = mode;
            b.realServers.add(new VirtualService.RealServer(rs[0], number(rs[1], "port", where), weight));
        } else {
            throw new ImportException(where + ": expected -A or -a (ipvsadm -Sn output), got " + cut(t[0]));
        }
    }

    private static int number(String text, String what, String where) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ImportException(where + ": " + what + " must be a whole number, not '" + cut(text) + "'");
        }
    }

    /** A line as quoted in an error: a 2 MB line is not echoed back whole. */
    static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " characters)";
    }

    static String[] hostPort(String s, String where) {
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.startsWith("[")) {
            throw new ImportException(where + ": expected IPv4ADDRESS:PORT, got " + cut(s));
        }
        return new String[] {s.substring(0, colon), s.substring(colon + 1)};
    }

    private static String value(String[] t, int k, String where) {
        if (k >= t.length) {
            throw new ImportException(where + ": " + t[k - 1] + " needs a value");
        }
        return t[k];
    }

    private static final class Builder {
        final String vip;
        final int port;
        final String protocol;
        String scheduler = "wlc";
        int persistence;
        String mode;
        final List<VirtualService.RealServer> realServers = new ArrayList<>();

        Builder(String vip, int port, String protocol) {
            this.vip = vip;
            this.port = port;
            this.protocol = protocol;
        }

        VirtualService build() {
            return new VirtualService(vip, port, protocol, scheduler, persistence, mode == null ? "dr" : mode, realServers);
        }
    }
}
