package io.lvsplay.cli.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.inventory.Inventory;
import io.lvsplay.engine.inventory.InventoryLoader;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.playbook.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Import, then render back with the playbooks' own templates from the written inventory and
 * group_vars, and compare rule for rule with what was imported (the tutorials' files as fixtures).
 */
class ImportRoundTripTest {

    static final Path REPO = Path.of("").toAbsolutePath().getFileName().toString().equals("cli")
            ? Path.of("..").toAbsolutePath().normalize() : Path.of("").toAbsolutePath();
    static final Path FIXTURES = REPO.resolve("cli/src/test/resources/import");
    static final Templar TEMPLAR = new Templar();

    @ParameterizedTest
    @ValueSource(strings = {"ipvsadm-dr-tutorial.rules", "ipvsadm-nat-two-services.rules"})
    void ipvsadmRulesRenderBackRuleForRule(String fixture, @TempDir Path out) throws IOException {
        String original = Files.readString(FIXTURES.resolve(fixture));
        List<VirtualService> services = IpvsadmSave.parse(original, fixture);
        write(out, services, KeepalivedConf.parse("", "none"));
        String rendered = render("ipvsadm.rules.j2", out, Map.of());
        assertEquals(IpvsadmSave.parse(original, fixture), IpvsadmSave.parse(rendered, "rendered"), rendered);
        assertEquals(lines(original), lines(rendered), "the same rules, line for line");
    }

    @Test
    void theTutorialsKeepalivedConfRendersBackWithTheSameServicesChecksAndVrrp(@TempDir Path out) throws IOException {
        String original = Files.readString(FIXTURES.resolve("keepalived-ha-tutorial.conf"));
        KeepalivedConf.Import imported = KeepalivedConf.parse(original, "keepalived-ha-tutorial.conf");
        write(out, imported.services(), imported);
        String rendered = render("keepalived.conf.j2", out, Map.of("_lvs_dataplane", "ipvs"));
        KeepalivedConf.Import back = KeepalivedConf.parse(rendered, "rendered");
        assertEquals(imported.services(), back.services(), rendered);
        assertEquals(imported.checks(), back.checks(), rendered);
        KeepalivedConf.Vrrp a = imported.vrrp();
        KeepalivedConf.Vrrp b = back.vrrp();
        assertEquals(List.of(a.priority(), a.routerId(), a.advertInt(), a.authPass(), a.iface(), a.vips()),
                List.of(b.priority(), b.routerId(), b.advertInt(), b.authPass(), b.iface(), b.vips()), rendered);
        assertTrue(imported.notImported().get(0).contains("global_defs"), imported.notImported().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ldirectord-ha-tutorial.cf", "ldirectord-nat-two-services.cf"})
    void ldirectordConfRendersBackWithTheSameServicesChecksFallbackAndQuiescence(String fixture, @TempDir Path out)
            throws IOException {
        String original = Files.readString(FIXTURES.resolve(fixture));
        LdirectordConf.Import imported = LdirectordConf.parse(original, fixture);
        Files.createDirectories(out.resolve("group_vars"));
        Files.writeString(out.resolve("inventory.ini"), ClusterFiles.inventory(
                List.of(new ClusterFiles.Director("director1", "10.10.10.11"), new ClusterFiles.Director("director2", "10.10.10.12")),
                imported.services(), null, "test"));
        Map<String, Map<String, Object>> extras = new LinkedHashMap<>();
        imported.quiescent().forEach((k, q) -> extras.put(k, Map.of("inhibit_on_failure", q)));
        Files.writeString(out.resolve("group_vars/all.yml"), ClusterFiles.groupVars(imported.services(), imported.checks(),
                imported.sorryServers(), null, imported.notImported(), extras, Map.of("lvs_ha", true, "lvs_ha_manager", "heartbeat")));
        String rendered = render("ldirectord.cf.j2", out, Map.of("_lvs_dataplane", "ipvs"));
        LdirectordConf.Import back = LdirectordConf.parse(rendered, "rendered");
        assertEquals(imported.services(), back.services(), rendered);
        assertEquals(imported.checks(), back.checks(), rendered);
        assertEquals(imported.sorryServers(), back.sorryServers(), rendered);
        assertEquals(imported.quiescent(), back.quiescent(), rendered);
        assertEquals(List.of(), back.notImported(), rendered);
    }

    @Test
    void theTutorialsLdirectordConfReadsAsTheirCluster() throws IOException {
        LdirectordConf.Import ld = LdirectordConf.parse(Files.readString(FIXTURES.resolve("ldirectord-ha-tutorial.cf")), "t.cf");
        VirtualService s = ld.services().get(0);
        assertEquals(new VirtualService("10.10.10.100", 80, "tcp", "wrr", 50, "dr", List.of(
                new VirtualService.RealServer("10.10.10.13", 80, 3), new VirtualService.RealServer("10.10.10.14", 80, 1))), s);
        assertEquals(Map.of("type", "HTTP_GET", "path", "/health_check", "receive", "OK", "delay_loop", 6,
                "connect_timeout", 3, "retry", 2), ld.checks().get(s.key()));
        assertEquals("127.0.0.1:80", ld.sorryServers().get(s.key()));
        assertEquals(true, ld.quiescent().get(s.key()));
        assertEquals("/var/log/ldirectord.log", ld.log());
    }

    @Test
    void ldirectordDefaultsAreMadeExplicitAndUnrenderedSettingsListed() throws IOException {
        LdirectordConf.Import ld = LdirectordConf.parse(Files.readString(FIXTURES.resolve("ldirectord-nat-two-services.cf")), "n.cf");
        assertEquals(Map.of("type", "TCP_CHECK", "delay_loop", 10, "connect_timeout", 5, "retry", 0),
                ld.checks().get("tcp 192.168.1.110:8080"));
        assertEquals(Map.of("type", "MISC_CHECK", "misc_path", "/usr/local/bin/check-dns", "misc_timeout", 4,
                "delay_loop", 5, "connect_timeout", 4, "retry", 0), ld.checks().get("tcp 192.168.1.110:53"));
        assertEquals(Map.of("tcp 192.168.1.110:8080", false, "tcp 192.168.1.110:53", true), ld.quiescent());
        assertEquals(List.of("n.cf:16: emailalert=ops@example.org"), ld.notImported());
        assertEquals("nat", ld.services().get(0).mode());
        assertEquals(1, ld.services().get(0).realServers().get(1).weight());
    }

    @Test
    void ldirectordSettingsLvsplayCannotExpressAreRefusedWithFileAndLine() {
        ImportException ping = assertThrows(ImportException.class,
                () -> LdirectordConf.parse("virtual=1.2.3.4:80\n\treal=10.0.0.1:80 gate\n\tchecktype=ping\n", "p.cf"));
        assertTrue(ping.getMessage().startsWith("p.cf:1: checktype=ping"), ping.getMessage());
        ImportException fwmark = assertThrows(ImportException.class, () -> LdirectordConf.parse("virtual=1\n", "f.cf"));
        assertTrue(fwmark.getMessage().startsWith("f.cf:1: "), fwmark.getMessage());
        ImportException late = assertThrows(ImportException.class,
                () -> LdirectordConf.parse("virtual=1.2.3.4:80\n\treal=10.0.0.1:80\ncheckinterval=3\n", "g.cf"));
        assertTrue(late.getMessage().startsWith("g.cf:3: global checkinterval="), late.getMessage());
    }

    @Test
    void unsupportedRulesAreRefusedWithFileAndLine() {
        ImportException e = assertThrows(ImportException.class,
                () -> IpvsadmSave.parse("-A -f 1 -s rr\n", "fw.rules"));
        assertTrue(e.getMessage().startsWith("fw.rules:1: "), e.getMessage());
        ImportException mixed = assertThrows(ImportException.class, () -> IpvsadmSave.parse(
                "-A -t 1.2.3.4:80 -s rr\n-a -t 1.2.3.4:80 -r 10.0.0.1:80 -g -w 1\n-a -t 1.2.3.4:80 -r 10.0.0.2:80 -m -w 1\n", "m"));
        assertTrue(mixed.getMessage().contains("m:3: ") && mixed.getMessage().contains("mixes forwarding methods"), mixed.getMessage());
    }

    @Test
    void everyBadLineIsReportedWithFileAndLineAtOnce() {
        ImportException e = assertThrows(ImportException.class, () -> IpvsadmSave.parse(
                "-A -t 1.2.3.4:80 -s wrr -p 300\ngarbage here\n-a -t 1.2.3.4:80 -r 10.0.0.1:80 -g -w heavy\n"
                        + "-A -f 1 -s rr\n-A -u 1.2.3.4:http -s rr\n-a -t 1.2.3.4:80 -r 10.0.0.2:80 -g -w 3\n", "bad.rules"));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(4, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith("bad.rules:2: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("bad.rules:3: -w must be a whole number, not 'heavy'"), lines.get(1));
        assertTrue(lines.get(2).startsWith("bad.rules:4: lvsplay does not support firewall-mark services (-f)"), lines.get(2));
        assertTrue(lines.get(3).startsWith("bad.rules:5: port must be a whole number, not 'http'"), lines.get(3));
    }

    @Test
    void aHugeLineIsCutInTheErrorAndAFloodOfBadLinesStopsAtFifty() {
        ImportException huge = assertThrows(ImportException.class,
                () -> IpvsadmSave.parse("-A -t 1.2.3.4:80 " + "x".repeat(2_000_000) + "\n", "huge.rules"));
        assertTrue(huge.getMessage().length() < 300, huge.getMessage().length() + " characters");
        ImportException flood = assertThrows(ImportException.class,
                () -> IpvsadmSave.parse("junk\n".repeat(100_000), "flood.rules"));
        assertEquals(51, flood.getMessage().lines().count());
        assertTrue(flood.getMessage().endsWith("flood.rules: more bad lines follow; stopped after 50"), flood.getMessage());
    }

    static void write(Path out, List<VirtualService> services, KeepalivedConf.Import ka) throws IOException {
        Files.createDirectories(out.resolve("group_vars"));
        Files.writeString(out.resolve("inventory.ini"), ClusterFiles.inventory(
                List.of(new ClusterFiles.Director("director1", "10.10.10.11"), new ClusterFiles.Director("director2", "10.10.10.12")),
                services, ka.vrrp(), "test"));
        Files.writeString(out.resolve("group_vars/all.yml"),
                ClusterFiles.groupVars(services, ka.checks(), ka.sorryServers(), ka.vrrp(), ka.notImported()));
    }

    /** Renders a template for director1 as the engine layers the variables: role defaults, then the inventory's. */
    static String render(String template, Path out, Map<String, Object> extra) throws IOException {
        Inventory inventory = InventoryLoader.load(List.of(out.resolve("inventory.ini").toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = (Map<String, Object>) YamlDocument.load(
                REPO.resolve("playbooks/roles/lvs_defaults/defaults/main.yml")).root();
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (String h : inventory.groups().get("all")) {
            hostvars.put(h, inventory.varsOf(h));
        }
        Map<String, Object> vars = new LinkedHashMap<>(defaults);
        vars.putAll(inventory.varsOf("director1"));
        vars.put("ansible_facts", Map.of("os_family", "Debian", "service_mgr", "sysvinit", "default_ipv4", Map.of("interface", "eth0")));
        vars.put("inventory_hostname", "director1");
        vars.put("groups", inventory.groups());
        vars.put("hostvars", hostvars);
        vars.put("playbook_dir", REPO.resolve("playbooks").toString());
        vars.putAll(extra);
        return TEMPLAR.render(Files.readString(REPO.resolve("templates").resolve(template)), vars, template);
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
    }
}
