package io.lvsplay.it.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for heartbeat + ldirectord (lvs_ha_manager=heartbeat) on the tutorials' HA pair
 * (inventory-examples/ha-tutorial.ini, see HaTemplatesTest), as lvs_common records the directors'
 * heartbeat nodes (_hb_check). Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class HeartbeatTemplatesTest {

    private static final Templar TEMPLAR = new Templar();
    static final String SECRET = "Tutorial-hb-key-1";

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("ha.cf.j2", "hb-director1", "director1", Map.of()),
                Arguments.of("ha.cf.j2", "hb-bcast", "director2", Map.of("heartbeat_media", "bcast", "heartbeat_auto_failback", true)),
                Arguments.of("haresources.j2", "hb-tutorial", "director2", Map.of()),
                Arguments.of("authkeys.j2", "hb-tutorial", "director1", Map.of()),
                Arguments.of("ldirectord.cf.j2", "hb-tutorial", "director1", HaTemplatesTest.LDIRECTORD),
                Arguments.of("ldirectord.cf.j2", "hb-two-services", "director1", Map.of("lvs_mode", "nat",
                        "lvs_virtual_services", List.of(
                                Map.of("vip", "10.10.10.100", "port", 80, "real_servers", List.of("rs1", "rs2")),
                                Map.of("vip", "10.10.10.100", "port", 53, "protocol", "tcp", "scheduler", "rr",
                                        "check", Map.of("type", "MISC_CHECK", "misc_path", "/usr/local/bin/check-dns",
                                                "misc_timeout", 4, "delay_loop", 5),
                                        "real_servers", List.of(Map.of("host", "rs1", "port", 53), Map.of("address", "10.10.10.15", "port", 53, "weight", 0)))))),
                // the agent's own table and checks stay empty: ldirectord fills them through ipvsadm
                Arguments.of("ipvsadm.rules.j2", "hb-agent", "director1", Map.of("_lvs_dataplane", "agent")),
                Arguments.of("agent.yml.j2", "hb-agent", "director1", Map.of("_lvs_dataplane", "agent")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void rendersAsTheGoldenFile(String template, String name, String host, Map<String, Object> extra) throws IOException {
        HaTemplatesTest.assertGolden(template, name, render(template, host, extra));
    }

    @Test
    void eachDirectorSendsItsHeartbeatsToTheOthers() throws IOException {
        assertTrue(render("ha.cf.j2", "director1", Map.of()).contains("\nucast eth0 10.10.10.12\n"));
        String second = render("ha.cf.j2", "director2", Map.of());
        assertTrue(second.contains("\nucast eth0 10.10.10.11\n"), second);
        assertFalse(second.contains("ucast eth0 10.10.10.12"), "not to itself:\n" + second);
    }

    @Test
    void everyDirectorGetsTheSameHaresourcesWithThePrimaryFirst() throws IOException {
        String one = render("haresources.j2", "director1", Map.of());
        assertEquals(one, render("haresources.j2", "director2", Map.of()));
        assertTrue(one.contains("\nd1.example.org IPaddr2::10.10.10.100/32/eth0 ldirectord::ldirectord.cf\n"), one);
        String other = render("haresources.j2", "director1", Map.of("heartbeat_primary", "director2"));
        assertTrue(other.contains("\nd2.example.org IPaddr2::"), other);
    }

    @Test
    void onKernelIpvsTheRulesFileNamesLdirectordAsOwner() throws IOException {
        String rules = render("ipvsadm.rules.j2", "director1", Map.of("_lvs_dataplane", "ipvs"));
        assertFalse(rules.contains("-A "), rules);
        String keepalived = render("ipvsadm.rules.j2", "director1", Map.of("_lvs_dataplane", "ipvs", "lvs_ha_manager", "keepalived"));
        assertTrue(keepalived.contains("-A -t 10.10.10.100:80 -s wrr -p 50"), keepalived);
    }

    String render(String template, String host, Map<String, Object> extra) throws IOException {
        Map<String, Object> more = new LinkedHashMap<>(Map.of("lvs_ha_manager", "heartbeat", "heartbeat_auth_secret", SECRET));
        more.putAll(extra);
        Map<String, Object> vars = HaTemplatesTest.vars(host, more);
        // what lvs_common/tasks/validate-heartbeat.yml records on each director (its `uname -n`)
        @SuppressWarnings("unchecked")
        Map<String, Object> hostvars = new LinkedHashMap<>((Map<String, Object>) vars.get("hostvars"));
        for (String d : List.of("director1", "director2")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hv = new LinkedHashMap<>((Map<String, Object>) hostvars.get(d));
            hv.put("_hb_check", Map.of("node", d.equals("director1") ? "d1.example.org" : "d2.example.org", "iface", "eth0",
                    "ucast", hv.get("ansible_host"), "media", "ucast"));
            hostvars.put(d, hv);
        }
        vars.put("hostvars", hostvars);
        return TEMPLAR.render(Files.readString(HaTemplatesTest.REPO.resolve("templates").resolve(template)), vars, template);
    }
}
