package io.lvsplay.agent.stats;

import io.lvsplay.agent.config.ServiceOptions;
import io.lvsplay.agent.rules.RulesParser;
import io.lvsplay.agent.rules.ServiceRule;
import io.lvsplay.agent.table.VirtualService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IpvsFormatTest {

    private static List<ServiceSnapshot> table(String rules) throws Exception {
        List<ServiceSnapshot> out = new ArrayList<>();
        for (ServiceRule r : RulesParser.parse("rules", rules).services()) {
            out.add(new VirtualService(r, ServiceOptions.defaults(r.key()), System::nanoTime).snapshot());
        }
        return out;
    }

    private static final String TUTORIAL = """
            -A -t 10.10.10.100:80 -s rr -p 20
            -a -t 10.10.10.100:80 -r 10.10.10.13:80 -g -w 1
            -a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1
            """;

    @Test
    void listMatchesIpvsadmLn() throws Exception {
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  10.10.10.100:80 rr persistent 20
                  -> 10.10.10.12:80               Route   1      0          0        \s
                  -> 10.10.10.13:80               Route   1      0          0        \s
                """, IpvsFormat.list(table(TUTORIAL), IpvsFormat.Layout.PLAIN, false));
    }

    @Test
    void listShowsMaskSchedFlagsAndSortsServicesTcpFirst() throws Exception {
        String out = IpvsFormat.list(table("""
                -A -u 10.0.0.1:53 -s sh -b sh-port,sh-fallback
                -A -t 10.0.0.2:443 -s wlc -p 300 -M 255.255.255.0
                -A -t 10.0.0.2:80 -s wrr
                """), IpvsFormat.Layout.PLAIN, false);
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  10.0.0.2:80 wrr
                TCP  10.0.0.2:443 wlc persistent 300 mask 255.255.255.0
                UDP  10.0.0.1:53 sh (sh-fallback,sh-port)
                """, out);
    }

    @Test
    void statsLayoutMatchesIpvsadmLnStats() throws Exception {
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
                  -> RemoteAddress:Port
                TCP  10.10.10.100:80                     0        0        0        0        0
                  -> 10.10.10.12:80                      0        0        0        0        0
                  -> 10.10.10.13:80                      0        0        0        0        0
                """, IpvsFormat.list(table(TUTORIAL), IpvsFormat.Layout.STATS, false));
    }

    @Test
    void rateLayoutMatchesIpvsadmLnRate() throws Exception {
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS
                  -> RemoteAddress:Port
                TCP  10.10.10.100:80                     0        0        0        0        0
                  -> 10.10.10.12:80                      0        0        0        0        0
                  -> 10.10.10.13:80                      0        0        0        0        0
                """, IpvsFormat.list(table(TUTORIAL), IpvsFormat.Layout.RATE, false));
    }

    @Test
    void largeNumbersUseIpvsadmSuffixesUnlessExact() {
        assertEquals(" 99999999", IpvsFormat.largenum(99_999_999L, false));
        assertEquals("  123456K", IpvsFormat.largenum(123_456_789L, false));
        assertEquals("   12345M", IpvsFormat.largenum(12_345_678_901L, false));
        assertEquals("   12345G", IpvsFormat.largenum(12_345_678_901_234L, false));
        assertEquals(" 1234567890", IpvsFormat.largenum(1_234_567_890L, true));
        assertEquals("       42", IpvsFormat.largenum(42L, true));
    }

    @Test
    void saveMatchesIpvsadmSaveN() throws Exception {
        assertEquals("""
                -A -t 10.10.10.100:80 -s rr -p 20
                -a -t 10.10.10.100:80 -r 10.10.10.12:80 -g -w 1
                -a -t 10.10.10.100:80 -r 10.10.10.13:80 -g -w 1
                """, IpvsFormat.save(table(TUTORIAL)));
    }

    @Test
    void saveOutputParsesBackToTheSameTable() throws Exception {
        String rules = """
                -A -t 10.0.0.2:443 -s wlc -p 300 -M 255.255.255.0
                -a -t 10.0.0.2:443 -r 10.0.1.1:8443 -m -w 3 -x 100 -y 50
                -A -u 10.0.0.1:53 -s sh -b sh-fallback,sh-port
                -a -u 10.0.0.1:53 -r 10.0.1.2:53 -i -w 0
                """;
        String saved = IpvsFormat.save(table(rules));
        assertEquals(saved, IpvsFormat.save(table(saved)));
    }
}
