package io.lvsplay.cli.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The inventory and group_vars/all.yml that make the playbooks rebuild an imported cluster: the
 * directors, one inventory host per real server address, and the services in the full form
 * (lvs_virtual_services), with the HA settings of the imported vrrp_instance.
 */
public final class ClusterFiles {

    /** A director of the inventory: its name and address. */
    public record Director(String name, String address) {
    }

    private ClusterFiles() {
    }

    /** One name per distinct real server address, in order of appearance (rs1, rs2 ...). */
    static Map<String, String> realServerNames(List<VirtualService> services) {
        Map<String, String> names = new LinkedHashMap<>();
        for (VirtualService s : services) {
            for (VirtualService.RealServer r : s.realServers()) {
                names.computeIfAbsent(r.address(), a -> "rs" + (names.size() + 1));
            }
        }
        return names;
    }

    public static String inventory(List<Director> directors, List<VirtualService> services, KeepalivedConf.Vrrp vrrp,
            String sources) {
        StringBuilder sb = new StringBuilder("# written by lvsplay import from " + sources + "\n[directors]\n");
        for (int i = 0; i < directors.size(); i++) {
            Director d = directors.get(i);
            sb.append(d.name()).append(" ansible_host=").append(d.address());
            if (i == 0 && vrrp != null) {
                // the imported keepalived.conf is this director's: its own state and priority
                sb.append(" keepalived_state=").append(vrrp.state()).append(" keepalived_priority=").append(vrrp.priority());
            }
            sb.append('\n');
        }
        sb.append("\n[realservers]\n");
        realServerNames(services).forEach((address, name) -> sb.append(name).append(" ansible_host=").append(address).append('\n'));
        return sb.toString();
    }

    public static String groupVars(List<VirtualService> services, Map<String, Map<String, Object>> checks,
            Map<String, String> sorryServers, KeepalivedConf.Vrrp vrrp, List<String> notImported) {
        return groupVars(services, checks, sorryServers, vrrp, notImported, Map.of(), Map.of());
    }

    /**
     * As above, with more keys per service ({@code serviceExtras}, by service key: inhibit_on_failure ...)
     * and cluster variables ({@code clusterVars}: the heartbeat settings of an imported ldirectord.cf).
     */
    public static String groupVars(List<VirtualService> services, Map<String, Map<String, Object>> checks,
            Map<String, String> sorryServers, KeepalivedConf.Vrrp vrrp, List<String> notImported,
            Map<String, Map<String, Object>> serviceExtras, Map<String, Object> clusterVars) {
        List<String> modes = services.stream().map(VirtualService::mode).distinct().toList();
        if (modes.size() > 1) {
            throw new ImportException("the services use different forwarding methods " + modes
                    + ": lvs_mode is one per cluster; import them as separate clusters");
        }
        Map<String, String> names = realServerNames(services);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("lvs_mode", modes.isEmpty() ? "dr" : modes.get(0));
        List<Map<String, Object>> list = new ArrayList<>();
        for (VirtualService s : services) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vip", s.vip());
            m.put("port", s.port());
            m.put("protocol", s.protocol());
            m.put("scheduler", s.scheduler());
            m.put("persistence", s.persistence());
            if (checks.containsKey(s.key())) {
                m.put("check", checks.get(s.key()));
            }
            if (sorryServers.containsKey(s.key())) {
                m.put("sorry_server", sorryServers.get(s.key()));
            }
            m.putAll(serviceExtras.getOrDefault(s.key(), Map.of()));
            List<Map<String, Object>> rs = new ArrayList<>();
            for (VirtualService.RealServer r : s.realServers()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("host", names.get(r.address()));
                e.put("port", r.port());
                e.put("weight", r.weight());
                rs.add(e);
            }
            m.put("real_servers", rs);
            list.add(m);
        }
        vars.put("lvs_virtual_services", list);
        vars.putAll(clusterVars);
        if (vrrp != null) {
            vars.put("lvs_ha", true);
            vars.put("keepalived_router_id", vrrp.routerId());
            vars.put("keepalived_advert_int", vrrp.advertInt());
            vars.put("keepalived_nopreempt", vrrp.nopreempt());
            if (vrrp.authPass() != null) {
                vars.put("keepalived_auth_pass", vrrp.authPass());
            }
            if (vrrp.iface() != null) {
                vars.put("keepalived_interface", vrrp.iface());
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        StringBuilder sb = new StringBuilder("---\n# written by lvsplay import; docs/lvs.md explains each variable\n");
        if (vrrp != null && vrrp.authPass() != null) {
            sb.append("# keepalived_auth_pass is a secret: move it to an ansible-vault file\n");
        }
        for (String n : notImported) {
            sb.append("# NOT IMPORTED (lvsplay does not render it): ").append(n).append('\n');
        }
        return sb.append(new Yaml(options).dump(vars)).toString();
    }
}
