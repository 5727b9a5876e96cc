package io.lvsplay.cli.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a keepalived.conf: its vrrp_instance (the HA settings) and virtual_server blocks (the
 * services, their real servers and health check). Keywords lvsplay does not render are listed in
 * {@link Result#notImported()}, never dropped silently.
 */
public final class KeepalivedConf {

    private static final Map<String, String> KINDS = Map.of("DR", "dr", "NAT", "nat", "TUN", "tun");
    private static final Set<String> CHECKS = Set.of("HTTP_GET", "SSL_GET", "TCP_CHECK", "MISC_CHECK");
    private static final Set<String> SERVICE_KEYS = Set.of("delay_loop", "lb_algo", "lb_kind", "persistence_timeout",
            "protocol", "real_server", "sorry_server", "inhibit_on_failure");
    private static final Set<String> VRRP_KEYS = Set.of("state", "interface", "virtual_router_id", "priority",
            "advert_int", "nopreempt", "authentication", "virtual_ipaddress", "unicast_src_ip", "unicast_peer",
            "garp_master_refresh");

    /** The HA settings of the (first) vrrp_instance. */
    public record Vrrp(String state, int priority, int routerId, int advertInt, String authPass, boolean nopreempt,
            String iface, String unicastSrcIp, List<String> unicastPeers, List<String> vips) {
    }

    /** The health check of a service (from its first real server), in lvs_virtual_services' check: keys. */
    public record Import(List<VirtualService> services, Map<String, Map<String, Object>> checks,
            Map<String, String> sorryServers, Vrrp vrrp, List<String> notImported) {
    }

    private KeepalivedConf() {
    }

    public static Import parse(String text, String source) {
        ConfTree root = ConfTree.parse(text, source);
        List<String> notImported = new ArrayList<>();
        for (ConfTree top : root.children()) {
            if (!top.keyword().equals("virtual_server") && !top.keyword().equals("vrrp_instance")) {
                notImported.add(source + ":" + top.line() + ": " + String.join(" ", top.words())
                        + (top.children().isEmpty() ? "" : " { ... }"));
            }
        }
        List<VirtualService> services = new ArrayList<>();
        Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
        Map<String, String> sorry = new LinkedHashMap<>();
        for (ConfTree vs : root.all("virtual_server")) {
            String where = source + ":" + vs.line();
            if (vs.words().size() != 3) {
                throw new ImportException(where + ": lvsplay import reads 'virtual_server IP PORT' (not groups or fwmark)");
            }
            for (ConfTree c : vs.children()) {
                if (!SERVICE_KEYS.contains(c.keyword())) {
                    notImported.add(source + ":" + c.line() + ": " + String.join(" ", c.words()));
                }
            }
            String mode = KINDS.get(vs.value("lb_kind").orElse("NAT").toUpperCase());
            if (mode == null) {
                throw new ImportException(where + ": unknown lb_kind " + vs.value("lb_kind").orElse(""));
            }
            List<VirtualService.RealServer> rs = new ArrayList<>();
            Map<String, Object> check = null;
            for (ConfTree r : vs.all("real_server")) {
                rs.add(new VirtualService.RealServer(r.words().get(1), Integer.parseInt(r.words().get(2)),
                        Integer.parseInt(r.value("weight").orElse("1"))));
                if (check == null) {
                    check = check(r, vs);
                }
            }
            VirtualService service = new VirtualService(vs.words().get(1), Integer.parseInt(vs.words().get(2)),
                    vs.value("protocol").orElse("TCP").toLowerCase(), vs.value("lb_algo").orElse("wlc"),
                    Integer.parseInt(vs.value("persistence_timeout").orElse("0")), mode, rs);
            services.add(service);
            if (check != null) {
                checks.put(service.key(), check);
            }
            vs.all("sorry_server").stream().findFirst()
                    .ifPresent(s -> sorry.put(service.key(), s.words().get(1) + ":" + s.words().get(2)));
        }
        Vrrp vrrp = null;
        for (ConfTree vi : root.all("vrrp_instance")) {
            if (vrrp != null) {
                notImported.add(source + ":" + vi.line() + ": a second vrrp_instance (lvsplay renders one)");
                continue;
            }
            for (ConfTree c : vi.children()) {
                if (!VRRP_KEYS.contains(c.keyword())) {
                    notImported.add(source + ":" + c.line() + ": " + String.join(" ", c.words()));
                }
            }
            ConfTree auth = vi.all("authentication").stream().findFirst().orElse(null);
            vrrp = new Vrrp(vi.value("state").orElse("BACKUP"), Integer.parseInt(vi.value("priority").orElse("100")),
                    Integer.parseInt(vi.value("virtual_router_id").orElse("0")),
                    Integer.parseInt(vi.value("advert_int").orElse("1")),
                    auth == null ? null : auth.value("auth_pass").orElse(null), vi.has("nopreempt"),
                    vi.value("interface").orElse(null), vi.value("unicast_src_ip").orElse(null),
                    words(vi, "unicast_peer"), words(vi, "virtual_ipaddress").stream().map(a -> a.replaceFirst("/\\d+$", "")).toList());
        }
        return new Import(services, checks, sorry, vrrp, notImported);
    }

    private static List<String> words(ConfTree block, String keyword) {
        return block.all(keyword).stream().flatMap(b -> b.children().stream()).map(c -> c.words().get(0)).toList();
    }

    private static Map<String, Object> check(ConfTree realServer, ConfTree vs) {
        for (ConfTree c : realServer.children()) {
            if (!CHECKS.contains(c.keyword())) {
                continue;
            }
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("type", c.keyword());
            vs.value("delay_loop").ifPresent(v -> check.put("delay_loop", Integer.parseInt(v)));
            for (String k : List.of("connect_timeout", "retry", "nb_get_retry", "delay_before_retry", "connect_port")) {
                c.value(k).ifPresent(v -> check.put(k.equals("nb_get_retry") ? "retry" : k, Integer.parseInt(v)));
            }
            c.all("url").stream().findFirst().ifPresent(u -> {
                u.value("path").ifPresent(v -> check.put("path", v));
                u.value("status_code").ifPresent(v -> check.put("status", Integer.parseInt(v)));
            });
            c.value("misc_path").ifPresent(v -> check.put("misc_path", v.replaceAll("^\"|\"$", "")));
            return check;
        }
        return null;
    }
}
