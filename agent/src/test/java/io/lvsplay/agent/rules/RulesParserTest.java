package io.lvsplay.agent.rules;

import io.lvsplay.agent.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesParserTest {

    private static RuleTable parse(String text) throws InvalidConfigException {
        return RulesParser.parse("rules", text);
    }

    private static String errorOf(String text) {
        return assertThrows(InvalidConfigException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsTheLvsTutorialDirectRoutingExample() throws Exception {
        RuleTable t = parse("""
                -A -t 10.10.10.100:80 -s rr
                -a -t 10.10.10.100:80 -r 10.10.10.12:80 -g
                -a -t 10.10.10.100:80 -r 10.10.10.13:80 -g
                """);
        ServiceRule s = t.services().get(0);
        assertEquals(ServiceKey.parse("tcp 10.10.10.100:80"), s.key());
        assertEquals("rr", s.scheduler());
        assertEquals(2, s.realServers().size());
        assertEquals(ForwardMethod.ROUTE, s.realServers().get(0).forward());
        assertEquals(1, s.realServers().get(0).weight());
    }

    @Test
    void readsMasqueradingWithExplicitWeight() throws Exception {
        RuleTable t = parse("-A -t 10.10.10.100:80 -s wrr\n-a -t 10.10.10.100:80 -r 192.168.1.2:8080 -m -w 3\n");
        RealServerRule rs = t.services().get(0).realServers().get(0);
        assertEquals(ForwardMethod.MASQ, rs.forward());
        assertEquals(3, rs.weight());
        assertEquals(8080, rs.address().port());
    }

    @Test
    void readsPersistenceTimeoutAsIpvsadmSaveWritesIt() throws Exception {
        ServiceRule s = parse("-A -t 10.10.10.100:80 -s rr -p 20\n").services().get(0);
        assertEquals(20, s.persistence().orElseThrow().timeoutSeconds());
        assertTrue(s.persistence().get().hasDefaultMask());
    }

    @Test
    void persistenceWithoutTimeoutDefaultsTo300Seconds() throws Exception {
        ServiceRule s = parse("-A -t 10.10.10.100:80 -p -s rr\n").services().get(0);
        assertEquals(300, s.persistence().orElseThrow().timeoutSeconds());
    }

    @Test
    void readsPersistenceNetmask() throws Exception {
        ServiceRule s = parse("-A -t 10.10.10.100:443 -s wlc -p 600 -M 255.255.255.0\n").services().get(0);
        assertEquals(0xFFFFFF00, s.persistence().orElseThrow().maskBits());
    }

    @Test
    void acceptsLinesStartingWithIpvsadmAndLongOptions() throws Exception {
        RuleTable t = parse("""
                ipvsadm -A -t 10.10.10.100:80 -s rr
                ipvsadm --add-server --tcp-service 10.10.10.100:80 --real-server 10.10.10.12:80 --masquerading --weight=2 --u-threshold 100 --l-threshold 50
                """);
        RealServerRule rs = t.services().get(0).realServers().get(0);
        assertEquals(ForwardMethod.MASQ, rs.forward());
        assertEquals(2, rs.weight());
        assertEquals(100, rs.upperThreshold());
        assertEquals(50, rs.lowerThreshold());
    }

    @Test
    void realServerWithoutPortInheritsTheServicePort() throws Exception {
        RuleTable t = parse("-A -t 10.10.10.100:80 -s rr\n-a -t 10.10.10.100:80 -r 10.10.10.12 -i\n");
        RealServerRule rs = t.services().get(0).realServers().get(0);
        assertEquals(80, rs.address().port());
        assertEquals(ForwardMethod.TUNNEL, rs.forward());
    }

    @Test
    void defaultsToWlcAndGatewaying() throws Exception {
        RuleTable t = parse("-A -u 10.10.10.100:53\n-a -u 10.10.10.100:53 -r 10.10.10.12:53\n");
        ServiceRule s = t.services().get(0);
        assertEquals("wlc", s.scheduler());
        assertEquals(Protocol.UDP, s.key().protocol());
        assertEquals(ForwardMethod.ROUTE, s.realServers().get(0).forward());
    }

    @Test
    void readsSchedulerFlags() throws Exception {
        ServiceRule s = parse("-A -t 10.10.10.100:80 -s sh -b sh-port,sh-fallback\n").services().get(0);
        assertEquals(Set.of(SchedFlag.SH_PORT, SchedFlag.SH_FALLBACK), s.flags());
    }

    @Test
    void skipsCommentsAndBlankLines() throws Exception {
        RuleTable t = parse("# saved by ipvsadm-save\n\n-A -t 10.10.10.100:80 -s rr # web\n   \n");
        assertEquals(1, t.services().size());
    }

    @Test
    void reportsUnknownSchedulerWithLineNumber() {
        String msg = errorOf("# header\n-A -t 10.10.10.100:80 -s fastest\n");
        assertTrue(msg.startsWith("rules:2: unknown scheduler 'fastest'"), msg);
    }

    @Test
    void reportsRealServerOfUndefinedService() {
        String msg = errorOf("-a -t 10.10.10.100:80 -r 10.10.10.12:80 -g\n");
        assertTrue(msg.startsWith("rules:1: service tcp 10.10.10.100:80 is not defined"), msg);
    }

    @Test
    void reportsDuplicateRealServer() {
        String msg = errorOf("-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -r 10.0.0.2:80\n-a -t 10.0.0.1:80 -r 10.0.0.2:80 -w 2\n");
        assertTrue(msg.startsWith("rules:3: real server 10.0.0.2:80 is already in service"), msg);
    }

    @Test
    void reportsBadAddress() {
        String msg = errorOf("-A -t 10.0.0.300:80 -s rr\n");
        assertTrue(msg.startsWith("rules:1: bad IPv4 address"), msg);
    }

    @Test
    void reportsWeightOutOfRange() {
        String msg = errorOf("-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -r 10.0.0.2:80 -w 70000\n");
        assertTrue(msg.startsWith("rules:2: option -w value 70000 out of range"), msg);
    }

    @Test
    void reportsUnknownOption() {
        String msg = errorOf("-A -t 10.0.0.1:80 --frobnicate\n");
        assertTrue(msg.startsWith("rules:1: unknown option '--frobnicate'"), msg);
    }

    @Test
    void reportsLowerThresholdAboveUpper() {
        String msg = errorOf("-A -t 10.0.0.1:80\n-a -t 10.0.0.1:80 -r 10.0.0.2:80 -x 10 -y 20\n");
        assertTrue(msg.contains("rules:2: lower threshold"), msg);
    }

    @Test
    void reportsSchedulerFlagOfAnotherScheduler() {
        String msg = errorOf("-A -t 10.0.0.1:80 -s rr -b sh-port\n");
        assertTrue(msg.contains("does not apply to scheduler rr"), msg);
    }

    @Test
    void binaryGarbageIsNotATextFileWithTheByteOffset() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("rules", ".bin");
        try {
            java.nio.file.Files.write(f, new byte[] {'-', 'A', '\n', 'x', (byte) 0xff, (byte) 0xfe});
            String m = assertThrows(InvalidConfigException.class, () -> RulesParser.parse(f)).getMessage();
            assertEquals(f + ":2: not a text file: byte 0xff, which is not UTF-8 at byte offset 4", m);
            java.nio.file.Files.write(f, new byte[] {'#', 0, 1, 2});
            m = assertThrows(InvalidConfigException.class, () -> RulesParser.parse(f)).getMessage();
            assertEquals(f + ":1: not a text file: a NUL byte at byte offset 1", m);
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    @Test
    void aTwoMegabyteLineIsCutInTheError() {
        String m = errorOf("x".repeat(2_000_000) + "\n");
        assertTrue(m.length() < 400, "error of " + m.length() + " characters");
        assertTrue(m.startsWith("rules:1: unknown option 'xxxx"), m);
        assertTrue(m.endsWith(" more characters cut)"), m);
    }

    @Test
    void portZeroNeedsPersistenceAsInIpvsadmAndIsNotSupportedEvenThen() {
        assertEquals("rules:1: Zero port specified for non-persistent service", errorOf("-A -t 10.0.0.1:0 -s rr\n"));
        assertEquals("rules:1: lvsplay does not support port 0 (all ports) services; give each port its own -A line",
                errorOf("-A -t 10.0.0.1:0 -s rr -p 60\n"));
    }
}
