package io.lvsplay.agent.stats;

import io.lvsplay.agent.rules.Persistence;
import io.lvsplay.agent.rules.SchedFlag;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the table exactly as ipvsadm does ({@code -Ln}, {@code -Ln --stats}, {@code -Ln --rate} and
 * {@code ipvsadm-save -n}), so scripts and people that read ipvsadm output read the agent's unchanged. The printf
 * formats are those of ipvsadm.c (print_title, print_service_entry, print_largenum).
 */
public final class IpvsFormat {

    /** Which {@code ipvsadm -L} layout to print. */
    public enum Layout { PLAIN, STATS, RATE, THRESHOLDS }

    static final String VERSION_LINE = "IP Virtual Server version 1.2.1 (size=4096)";

    private IpvsFormat() {
    }

    public static String list(List<ServiceSnapshot> services, Layout layout, boolean exact) {
        StringBuilder out = new StringBuilder();
        out.append(VERSION_LINE).append('\n');
        switch (layout) {
            case STATS -> out.append(String.format("%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n",
                    "Prot LocalAddress:Port", "Conns", "InPkts", "OutPkts", "InBytes", "OutBytes"));
            case RATE -> out.append(String.format("%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n",
                    "Prot LocalAddress:Port", "CPS", "InPPS", "OutPPS", "InBPS", "OutBPS"));
            case THRESHOLDS -> out.append(String.format("%-33s %-10s %-10s %-10s %-10s\n  -> RemoteAddress:Port\n",
                    "Prot LocalAddress:Port", "Uthreshold", "Lthreshold", "ActiveConn", "InActConn"));
            case PLAIN -> out.append("Prot LocalAddress:Port Scheduler Flags\n")
                    .append("  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
        }
        for (ServiceSnapshot s : sorted(services)) {
            String name = truncate(s.key().protocol().label() + "  " + s.key().vip(), 33);
            switch (layout) {
                case STATS -> {
                    out.append(String.format("%-33s", name));
                    largenums(out, exact, s.totals().conns(), s.totals().inPkts(), s.totals().outPkts(), s.totals().inBytes(), s.totals().outBytes());
                }
                case RATE -> {
                    out.append(String.format("%-33s", name));
                    largenums(out, exact, s.rates().cps(), s.rates().inPps(), s.rates().outPps(), s.rates().inBps(), s.rates().outBps());
                }
                case PLAIN, THRESHOLDS -> {
                    out.append(name).append(' ').append(s.scheduler());
                    if (!s.flags().isEmpty()) {
                        out.append(" (").append(flags(s)).append(')');
                    }
                    s.persistence().ifPresent(p -> {
                        out.append(" persistent ").append(p.timeoutSeconds());
                        if (!p.hasDefaultMask()) {
                            out.append(" mask ").append(p.netmask().getHostAddress());
                        }
                    });
                }
            }
            out.append('\n');
            for (DestinationSnapshot d : sortedDests(s.members())) {
                String dname = truncate(d.address().toString(), 28);
                switch (layout) {
                    case STATS -> {
                        out.append(String.format("  -> %-28s", dname));
                        largenums(out, exact, d.totals().conns(), d.totals().inPkts(), d.totals().outPkts(), d.totals().inBytes(), d.totals().outBytes());
                    }
                    case RATE -> {
                        out.append(String.format("  -> %-28s %8d %8d %8d", dname, d.rates().cps(), d.rates().inPps(), d.rates().outPps()));
                        largenums(out, exact, d.rates().inBps(), d.rates().outBps());
                    }
                    case PLAIN -> out.append(String.format("  -> %-28s %-7s %-6d %-10d %-10d", dname, d.forward().label(),
                            d.weight(), d.activeConns(), d.inactiveConns()));
                    case THRESHOLDS -> out.append(String.format("  -> %-28s %-10d %-10d %-10d %-10d", dname, d.upperThreshold(),
                            d.lowerThreshold(), d.activeConns(), d.inactiveConns()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** {@code ipvsadm-save -n}: rules that recreate the running table. */
    public static String save(List<ServiceSnapshot> services) {
        StringBuilder out = new StringBuilder();
        for (ServiceSnapshot s : sorted(services)) {
            String svc = s.key().protocol().flag() + " " + s.key().vip();
            out.append("-A ").append(svc).append(" -s ").append(s.scheduler());
            if (!s.flags().isEmpty()) {
                out.append(" -b ").append(flags(s));
            }
            if (s.persistence().isPresent()) {
                Persistence p = s.persistence().get();
                out.append(" -p ").append(p.timeoutSeconds());
                if (!p.hasDefaultMask()) {
                    out.append(" -M ").append(p.netmask().getHostAddress());
                }
            }
            out.append('\n');
            for (DestinationSnapshot d : sortedDests(s.members())) {
                out.append("-a ").append(svc).append(" -r ").append(d.address()).append(' ').append(d.forward().flag())
                        .append(" -w ").append(d.weight());
                if (d.upperThreshold() != 0) {
                    out.append(" -x ").append(d.upperThreshold());
                }
                if (d.lowerThreshold() != 0) {
                    out.append(" -y ").append(d.lowerThreshold());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** print_largenum: 9 columns, K/M/G/T suffixes for large values unless --exact. */
    static String largenum(long i, boolean exact) {
        if (exact) {
            String digits = Long.toUnsignedString(i);
            int width = digits.length() <= 8 ? 9 : digits.length() + 1;
            return String.format("%" + width + "s", digits);
        }
        if (i < 100_000_000L) {
            return String.format("%9d", i);
        } else if (i < 1_000_000_000L) {
            return String.format("%8dK", i / 1000);
        } else if (i < 100_000_000_000L) {
            return String.format("%8dM", i / 1_000_000);
        } else if (i < 100_000_000_000_000L) {
            return String.format("%8dG", i / 1_000_000_000L);
        }
        return String.format("%8dT", i / 1_000_000_000_000L);
    }

    private static void largenums(StringBuilder out, boolean exact, long... values) {
        for (long v : values) {
            out.append(largenum(v, exact));
        }
    }

    private static String flags(ServiceSnapshot s) {
        return s.flags().stream().sorted(Comparator.comparing(f -> f.isFallback() ? 0 : 1))
                .map(SchedFlag::text).collect(Collectors.joining(","));
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static List<ServiceSnapshot> sorted(List<ServiceSnapshot> services) {
        return services.stream().sorted(Comparator.comparing(ServiceSnapshot::key)).toList();
    }

    private static List<DestinationSnapshot> sortedDests(List<DestinationSnapshot> dests) {
        return dests.stream().sorted(Comparator.comparing(DestinationSnapshot::address)).toList();
    }
}
