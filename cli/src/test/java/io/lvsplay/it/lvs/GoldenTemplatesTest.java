package io.lvsplay.it.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lvsplay.engine.playbook.YamlDocument;
import io.lvsplay.engine.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders each template for the tutorials' topologies through the engine's Templar, with the role
 * defaults underneath and inventory-like vars on top (as a run would), and compares byte for byte
 * with cli/src/test/resources/golden/. Regenerate after an intended change with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTemplatesTest {

    private static final Path REPO = Repo.root();
    private static final Path GOLDEN = REPO.resolve("cli/src/test/resources/golden");
    private static final Templar TEMPLAR = new Templar();

    /** One tutorial topology: the vars of its director and its real servers. */
    record Topology(String name, String mode, String vip, String scheduler, String iface, List<Map<String, Object>> realServers) {
    }

    static final Topology DR = new Topology("dr", "dr", "10.10.10.100", "rr", "eth0", List.of(
            rs("10.10.10.12", 80, 1), rs("10.10.10.13", 80, 1)));
    static final Topology NAT = new Topology("nat", "nat", "20.20.20.100", "rr", "eth0", List.of(
            rs("10.10.10.12", 80, 1), rs("10.10.10.13", 8080, 1)));
    static final Topology TUN = new Topology("tun", "tun", "192.168.136.100", "wlc", "ens33", List.of(
            rs("192.168.136.12", 80, 1), rs("192.168.136.13", 80, 1)));
    static final Topology DR148 = new Topology("dr148", "dr", "192.168.148.100", "wrr", "ens33", List.of(
            rs("192.168.148.12", 80, 3), rs("192.168.148.13", 80, 2), rs("192.168.148.14", 80, 1)));

    private static Map<String, Object> rs(String address, int port, int weight) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ansible_host", address);
        m.put("rs_port", port);
        m.put("rs_weight", weight);
        return m;
    }

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("ipvsadm.rules.j2", DR, "director", Map.of()),
                Arguments.of("ipvsadm.rules.j2", NAT, "director", Map.of()),
                Arguments.of("ipvsadm.rules.j2", TUN, "director", Map.of()),
                Arguments.of("ipvsadm.rules.j2", DR148, "director", Map.of("lvs_persistence", 300)),
                Arguments.of("agent.yml.j2", DR, "director", Map.of()),
                Arguments.of("agent.yml.j2", NAT, "director", Map.of("lvs_demo_backend", false)),
                // kernel IPVS: keepalived.conf has the virtual_server blocks (with the agent it is VRRP only)
                Arguments.of("keepalived.conf.j2", DR, "director", Map.of("_lvs_dataplane", "ipvs")),
                Arguments.of("keepalived.conf.j2", DR148, "director", Map.of("lvs_persistence", 300, "lvs_demo_backend", false,
                        "_lvs_dataplane", "ipvs")),
                Arguments.of("ifcfg-vip.j2", DR, "director", Map.of("lvs_vip_device", "eth0:0", "lvs_vip_address", "10.10.10.100")),
                Arguments.of("interfaces-vip.j2", DR, "director", Map.of("lvs_vip_device", "eth0:0", "lvs_vip_address", "10.10.10.100")),
                Arguments.of("ifcfg-lo-vip.j2", DR, "rs1", Map.of("lvs_vip_device", "lo:0", "lvs_vip_address", "10.10.10.100")),
                Arguments.of("interfaces-lo-vip.j2", DR, "rs1", Map.of("lvs_vip_device", "lo:0", "lvs_vip_address", "10.10.10.100")),
                Arguments.of("lvsplay-agent.init.j2", DR, "director", Map.of()),
                Arguments.of("lvsplay-agent.service.j2", DR, "director", Map.of()),
                Arguments.of("ipvsadm-apply.sh.j2", DR, "director", Map.of()),
                Arguments.of("lvsplay-demo.conf.j2", NAT, "rs2", Map.of()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void rendersAsTheGoldenFile(String template, Topology topology, String host, Map<String, Object> extra) throws IOException {
        Path source = Files.exists(REPO.resolve("templates").resolve(template))
                ? REPO.resolve("templates").resolve(template)
                : REPO.resolve("playbooks/roles/lvs_demo_backend/templates").resolve(template);
        String rendered = TEMPLAR.render(Files.readString(source), vars(topology, host, extra), template);
        Path golden = GOLDEN.resolve(template.replaceFirst("\\.j2$", "") + "." + topology.name());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered);
        }
        assertEquals(Files.readString(golden), rendered, "rendering of " + template + " for " + topology.name()
                + " differs from " + REPO.relativize(golden) + " (regenerate with -Dgolden.update=true if intended)");
    }

    /** Role defaults, then inventory vars (group and host), then the magic vars, as the engine layers them. */
    static Map<String, Object> vars(Topology t, String host, Map<String, Object> extra) {
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = (Map<String, Object>) YamlDocument.load(
                REPO.resolve("playbooks/roles/lvs_defaults/defaults/main.yml")).root();
        Map<String, Object> hostvars = new LinkedHashMap<>();
        List<String> rsNames = new java.util.ArrayList<>();
        for (int i = 0; i < t.realServers().size(); i++) {
            String name = "rs" + (i + 1);
            rsNames.add(name);
            hostvars.put(name, new LinkedHashMap<>(t.realServers().get(i)));
        }
        Map<String, Object> director = new LinkedHashMap<>();
        director.put("ansible_host", t.mode().equals("nat") ? "20.20.20.11" : t.vip().replaceFirst("\\.100$", ".11"));
        if (t.mode().equals("nat")) {
            director.put("lvs_external_iface", "eth0");
            director.put("lvs_internal_iface", "eth1");
        }
        hostvars.put("director", director);

        Map<String, Object> vars = new LinkedHashMap<>(defaults);
        vars.put("lvs_mode", t.mode());
        vars.put("vip", t.vip());
        vars.put("vip_port", 80);
        vars.put("lvs_scheduler", t.scheduler());
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) hostvars.get(host);
        vars.putAll(own);
        vars.put("ansible_facts", Map.of("os_family", "Debian", "service_mgr", "sysvinit",
                "default_ipv4", Map.of("interface", t.iface())));
        vars.put("_lvs_dataplane", "agent");
        vars.put("inventory_hostname", host);
        vars.put("groups", Map.of("all", List.of(), "directors", List.of("director"), "realservers", rsNames, "clients", List.of()));
        vars.put("hostvars", hostvars);
        vars.put("playbook_dir", REPO.resolve("playbooks").toString());
        vars.putAll(extra);
        return vars;
    }
}
