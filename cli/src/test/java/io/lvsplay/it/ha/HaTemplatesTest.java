package io.lvsplay.it.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.playbook.YamlDocument;
import io.lvsplay.engine.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the HA director pair of the tutorials (inventory-examples/ha-tutorial.ini):
 * 10.10.10.0/24, director1 .11 MASTER 150, director2 .12 BACKUP 100, real servers .13 (weight 3)
 * and .14 (weight 1), VIP .100, wrr, persistence 50, HTTP_GET /health_check with connect_timeout 3,
 * retry 3, delay_before_retry 2. Rendered as GoldenTemplatesTest does (role defaults, then inventory
 * vars, then magic vars); regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class HaTemplatesTest {

    static final Path REPO = repoRoot();
    private static final Path GOLDEN = REPO.resolve("cli/src/test/resources/golden");
    private static final Templar TEMPLAR = new Templar();

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("playbooks")) && Files.isDirectory(p.resolve("templates"))) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("cannot find the repository root");
    }

    /** ldirectord's request/receive, quiescent=yes and fallback, in lvsplay's variables. */
    static final Map<String, Object> LDIRECTORD = Map.of("lvs_health_check_receive", "OK",
            "lvs_health_check_virtualhost", "www.example.com", "lvs_inhibit_on_failure", true,
            "lvs_sorry_server", "10.10.10.15:80");

    static List<Arguments> cases() {
        return List.of(
                // kernel IPVS: VRRP + virtual_server, keepalived drives IPVS
                Arguments.of("keepalived.conf.j2", "ha-tutorial", "director1", Map.of("_lvs_dataplane", "ipvs")),
                Arguments.of("keepalived.conf.j2", "ha-tutorial-backup", "director2", Map.of("_lvs_dataplane", "ipvs")),
                // the agent data plane (containers): VRRP only, the agent does the checks
                Arguments.of("keepalived.conf.j2", "ha-agent", "director1", Map.of("_lvs_dataplane", "agent")),
                Arguments.of("agent.yml.j2", "ha-agent", "director1", Map.of("_lvs_dataplane", "agent",
                        "lvs_sorry_server", "127.0.0.1:8081")),
                Arguments.of("keepalived.conf.j2", "ha-ldirectord", "director1", merge(LDIRECTORD, Map.of("_lvs_dataplane", "ipvs",
                        "keepalived_garp_master_refresh", 10, "keepalived_notify_master", "/usr/local/bin/ha-notify master",
                        "keepalived_track_scripts", List.of(Map.of("name", "chk_agent", "script", "/usr/bin/pgrep -f lvsplay-agent",
                                "interval", 2, "fall", 2, "rise", 2))))),
                Arguments.of("agent.yml.j2", "ha-ldirectord", "director1", merge(LDIRECTORD, Map.of("_lvs_dataplane", "agent"))));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void rendersAsTheGoldenFile(String template, String name, String host, Map<String, Object> extra) throws IOException {
        assertGolden(template, name, render(template, host, extra));
    }

    /** The rendering equals golden/TEMPLATE.NAME (written instead with -Dgolden.update=true). */
    static void assertGolden(String template, String name, String rendered) throws IOException {
        Path golden = GOLDEN.resolve(template.replaceFirst("\\.j2$", "") + "." + name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, rendered);
        }
        assertEquals(Files.readString(golden), rendered, "rendering of " + template + " for " + name
                + " differs from " + REPO.relativize(golden) + " (regenerate with -Dgolden.update=true if intended)");
    }

    @Test
    void thePeersPointAtEachOther() throws IOException {
        String master = render("keepalived.conf.j2", "director1", Map.of("_lvs_dataplane", "ipvs"));
        String backup = render("keepalived.conf.j2", "director2", Map.of("_lvs_dataplane", "ipvs"));
        assertTrue(master.contains("unicast_src_ip 10.10.10.11\n    unicast_peer {\n        10.10.10.12\n    }"), master);
        assertTrue(backup.contains("unicast_src_ip 10.10.10.12\n    unicast_peer {\n        10.10.10.11\n    }"), backup);
        for (String conf : List.of(master, backup)) {
            assertTrue(conf.contains("state BACKUP\n    nopreempt"), "nopreempt needs state BACKUP everywhere:\n" + conf);
            assertTrue(conf.contains("virtual_router_id 51") && conf.contains("auth_pass s3cr3tHA"), conf);
        }
        assertTrue(master.contains("priority 150") && backup.contains("priority 100"));
    }

    @Test
    void withoutNopreemptTheInventoryStatesAreUsed() throws IOException {
        String master = render("keepalived.conf.j2", "director1", Map.of("keepalived_nopreempt", false));
        assertTrue(master.contains("    state MASTER\n"), master);
        assertFalse(master.contains("nopreempt"), master);
    }

    String render(String template, String host, Map<String, Object> extra) throws IOException {
        return TEMPLAR.render(Files.readString(REPO.resolve("templates").resolve(template)), vars(host, extra), template);
    }

    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** Role defaults, then the vars of inventory-examples/ha-tutorial.ini, then the magic vars. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> vars(String host, Map<String, Object> extra) {
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = (Map<String, Object>) YamlDocument.load(
                REPO.resolve("playbooks/roles/lvs_defaults/defaults/main.yml")).root();
        Map<String, Object> hostvars = new LinkedHashMap<>();
        hostvars.put("director1", Map.of("ansible_host", "10.10.10.11", "keepalived_state", "MASTER", "keepalived_priority", 150));
        hostvars.put("director2", Map.of("ansible_host", "10.10.10.12", "keepalived_state", "BACKUP", "keepalived_priority", 100));
        hostvars.put("rs1", Map.of("ansible_host", "10.10.10.13", "rs_weight", 3));
        hostvars.put("rs2", Map.of("ansible_host", "10.10.10.14", "rs_weight", 1));

        Map<String, Object> vars = new LinkedHashMap<>(defaults);
        vars.put("lvs_mode", "dr");
        vars.put("lvs_ha", true);
        vars.put("vip", "10.10.10.100");
        vars.put("vip_port", 80);
        vars.put("lvs_scheduler", "wrr");
        vars.put("lvs_persistence", 50);
        vars.put("keepalived_router_id", 51);
        vars.put("keepalived_auth_pass", "s3cr3tHA");
        vars.put("keepalived_advert_int", 1);
        vars.put("keepalived_nopreempt", true);
        vars.put("lvs_health_check_type", "HTTP_GET");
        vars.put("lvs_health_check_path", "/health_check");
        vars.put("lvs_health_check_delay_loop", 6);
        vars.put("lvs_health_check_connect_timeout", 3);
        vars.put("lvs_health_check_retry", 3);
        vars.put("lvs_health_check_delay_before_retry", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) hostvars.get(host);
        vars.putAll(own);
        vars.put("ansible_facts", Map.of("os_family", "Debian", "service_mgr", "sysvinit",
                "default_ipv4", Map.of("interface", "eth0")));
        vars.put("inventory_hostname", host);
        vars.put("groups", Map.of("all", List.of(), "directors", List.of("director1", "director2"),
                "realservers", List.of("rs1", "rs2"), "clients", List.of("client")));
        // the data plane lvs_common chose, as the other hosts see it (_lvs_director_dataplane)
        Object dataplane = extra.getOrDefault("_lvs_dataplane", "ipvs");
        for (String d : List.of("director1", "director2")) {
            Map<String, Object> hv = new LinkedHashMap<>((Map<String, Object>) hostvars.get(d));
            hv.put("_lvs_dataplane", dataplane);
            hostvars.put(d, hv);
        }
        vars.put("hostvars", hostvars);
        vars.put("playbook_dir", REPO.resolve("playbooks").toString());
        vars.putAll(extra);
        return vars;
    }
}
