package io.lvsplay.agent.config;

import io.lvsplay.agent.rules.RulesParser;
import io.lvsplay.agent.rules.ServiceKey;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentConfigParserTest {

    private static final String EXAMPLE = """
            control: /run/lvsplay-agent/control.sock
            timeouts: {tcp: 900, tcpfin: 120, udp: 300}     # like ipvsadm --set
            metrics: 127.0.0.1:9105
            services:
              - service: tcp 10.10.10.100:80
                check: {type: HTTP_GET, path: /health_check, status: 200, receive: "OK", virtualhost: example, delay_loop: 2, connect_timeout: 3, retry: 3, delay_before_retry: 2}
                inhibit_on_failure: false
                sorry_server: 127.0.0.1:8081
                alpha: false
                omega: false
              - service: udp 10.10.10.100:53
                check:
                  type: MISC_CHECK
                  misc_path: "/usr/local/bin/check.sh"
                  misc_timeout: 5
                inhibit_on_failure: true
            """;

    @Test
    void readsTheDocumentedExample() throws Exception {
        AgentConfig c = AgentConfigParser.parse("agent.yml", EXAMPLE);
        assertEquals(Path.of("/run/lvsplay-agent/control.sock"), c.control().orElseThrow());
        assertEquals(new Timeouts(900, 120, 300), c.timeouts());
        assertEquals(9105, c.metrics().orElseThrow().getPort());
        ServiceOptions web = c.options(ServiceKey.parse("tcp 10.10.10.100:80"));
        HealthCheckSpec check = web.check().orElseThrow();
        assertEquals(CheckType.HTTP_GET, check.type());
        assertEquals("/health_check", check.path());
        assertEquals("example", check.virtualHost());
        assertEquals(3, check.retry());
        assertEquals(Duration.ofSeconds(2), check.delayLoop());
        assertTrue(check.receive().orElseThrow().matcher("all OK").find());
        assertEquals("127.0.0.1:8081", web.sorryServer().orElseThrow().toString());
        ServiceOptions dns = c.options(ServiceKey.parse("udp 10.10.10.100:53"));
        assertEquals("/usr/local/bin/check.sh", dns.check().orElseThrow().miscPath());
        assertEquals(Duration.ofSeconds(5), dns.check().get().miscTimeout());
        assertTrue(dns.inhibitOnFailure());
        assertFalse(web.inhibitOnFailure());
    }

    @Test
    void acceptsFractionalSecondsForTimers() throws Exception {
        AgentConfig c = AgentConfigParser.parse("a.yml", "services:\n  - service: tcp 1.2.3.4:80\n    check: {type: TCP_CHECK, delay_loop: 0.25}\n");
        assertEquals(Duration.ofMillis(250), c.options(ServiceKey.parse("tcp 1.2.3.4:80")).check().orElseThrow().delayLoop());
    }

    @Test
    void reportsUnknownKeyWithLine() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> AgentConfigParser.parse("a.yml", "timeouts: {tcp: 900}\nservices:\n  - service: tcp 1.2.3.4:80\n    chek: {type: TCP_CHECK}\n"));
        assertTrue(e.getMessage().startsWith("a.yml:4: unknown key 'chek'"), e.getMessage());
    }

    @Test
    void transparentIsForTcpServices() throws Exception {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> AgentConfigParser.parse("a.yml", "services:\n  - service: udp 1.2.3.4:53\n    transparent: true\n"));
        assertTrue(e.getMessage().startsWith("a.yml:3: transparent applies to TCP services only"), e.getMessage());
        AgentConfig c = AgentConfigParser.parse("a.yml", "services:\n  - service: tcp 1.2.3.4:80\n    transparent: false\n");
        assertTrue(!c.options(ServiceKey.parse("tcp 1.2.3.4:80")).transparent());
    }

    @Test
    void reportsBadCheckType() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> AgentConfigParser.parse("a.yml", "services:\n  - service: tcp 1.2.3.4:80\n    check: {type: PING}\n"));
        assertTrue(e.getMessage().startsWith("a.yml:3: unknown check type 'PING'"), e.getMessage());
    }

    @Test
    void reportsServiceMissingFromRules() throws Exception {
        AgentConfig c = AgentConfigParser.parse("a.yml", "services:\n  - service: tcp 1.2.3.4:80\n");
        var rules = RulesParser.parse("r", "-A -t 1.2.3.4:81 -s rr\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> AgentConfigParser.checkAgainst(c, rules, "a.yml", "r"));
        assertTrue(e.getMessage().startsWith("a.yml:2: service tcp 1.2.3.4:80 has no '-A -t 1.2.3.4:80' line in r"), e.getMessage());
    }

    @Test
    void reportsNonNumericTimeout() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> AgentConfigParser.parse("a.yml", "\n\ntimeouts: {tcp: soon}\n"));
        assertTrue(e.getMessage().startsWith("a.yml:3: expected a whole number, got 'soon'"), e.getMessage());
    }
}
