package io.lvsplay.agent.table;

import io.lvsplay.agent.config.CheckType;
import io.lvsplay.agent.config.HealthCheckSpec;
import io.lvsplay.agent.config.ServiceOptions;
import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.RulesParser;
import io.lvsplay.agent.rules.ServiceRule;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VirtualServiceTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private static ServiceRule rule(String rules) throws Exception {
        return RulesParser.parse("rules", rules).services().get(0);
    }

    private VirtualService service(String rules) throws Exception {
        ServiceRule r = rule(rules);
        return new VirtualService(r, ServiceOptions.defaults(r.key()), clock::get);
    }

    private static InetAddress ip(String a) {
        return Endpoint.parse(a + ":1", -1).address();
    }

    private static String at(Assignment a) {
        return a.destination().address().toString();
    }

    private void advanceSeconds(long s) {
        clock.addAndGet(s * 1_000_000_000L);
    }

    private static final String TWO_SERVERS_PERSISTENT = """
            -A -t 10.0.0.1:80 -s rr -p 20
            -a -t 10.0.0.1:80 -r 10.0.0.11:80 -g
            -a -t 10.0.0.1:80 -r 10.0.0.12:80 -g
            """;

    @Test
    void persistentClientSticksToItsServerAcrossConnections() throws Exception {
        VirtualService vs = service(TWO_SERVERS_PERSISTENT);
        Assignment first = vs.schedule(ip("192.168.0.5"), 1000, List.of());
        for (int i = 0; i < 5; i++) {
            assertEquals(at(first), at(vs.schedule(ip("192.168.0.5"), 2000 + i, List.of())));
        }
    }

    @Test
    void persistenceTemplateExpiresAfterTimeoutWithoutConnections() throws Exception {
        VirtualService vs = service(TWO_SERVERS_PERSISTENT + "-a -t 10.0.0.1:80 -r 10.0.0.13:80 -g\n");
        Assignment first = vs.schedule(ip("192.168.0.5"), 1000, List.of());
        vs.release(first);
        advanceSeconds(21);
        vs.schedule(ip("192.168.0.6"), 1000, List.of()); // rr moves on, so a fresh choice for .5 differs
        assertNotEquals(at(first), at(vs.schedule(ip("192.168.0.5"), 1001, List.of())));
    }

    @Test
    void persistenceTemplateLivesWhileItHasConnections() throws Exception {
        VirtualService vs = service(TWO_SERVERS_PERSISTENT);
        Assignment first = vs.schedule(ip("192.168.0.5"), 1000, List.of());
        vs.schedule(ip("192.168.0.6"), 1000, List.of());
        advanceSeconds(3600);
        assertEquals(at(first), at(vs.schedule(ip("192.168.0.5"), 1001, List.of())));
    }

    @Test
    void persistenceNetmaskGroupsClientsOfOneNetwork() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s rr -p 60 -M 255.255.255.0\n-a -t 10.0.0.1:80 -r 10.0.0.11:80\n-a -t 10.0.0.1:80 -r 10.0.0.12:80\n");
        Assignment first = vs.schedule(ip("192.168.7.1"), 1000, List.of());
        assertEquals(at(first), at(vs.schedule(ip("192.168.7.200"), 1000, List.of())));
        assertNotEquals(at(first), at(vs.schedule(ip("192.168.8.1"), 1000, List.of())));
    }

    @Test
    void persistenceDoesNotSendClientsToAFailedServer() throws Exception {
        VirtualService vs = service(TWO_SERVERS_PERSISTENT);
        Assignment first = vs.schedule(ip("192.168.0.5"), 1000, List.of());
        vs.setHealthy(first.destination(), false);
        assertNotEquals(at(first), at(vs.schedule(ip("192.168.0.5"), 1001, List.of())));
    }

    @Test
    void excludedServersAreSkipped() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s sh\n-a -t 10.0.0.1:80 -r 10.0.0.11:80\n-a -t 10.0.0.1:80 -r 10.0.0.12:80\n");
        Assignment first = vs.schedule(ip("192.168.0.5"), 1000, List.of());
        Assignment retry = vs.schedule(ip("192.168.0.5"), 1000, List.of(first.destination()));
        assertNotEquals(at(first), at(retry));
        assertNull(vs.schedule(ip("192.168.0.5"), 1000, List.of(first.destination(), retry.destination())));
    }

    @Test
    void upperThresholdOverloadsAServerAtUpperConnections() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80 -x 2\n");
        Destination d = vs.members().get(0);
        d.connectionOpened();
        assertFalse(d.overloaded());
        d.connectionOpened();
        assertTrue(d.overloaded());
        assertNull(vs.schedule(ip("192.168.0.5"), 1, List.of()));
    }

    @Test
    void overloadClearsBelowLowerThreshold() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80 -x 4 -y 2\n");
        Destination d = vs.members().get(0);
        for (int i = 0; i < 4; i++) {
            d.connectionOpened();
        }
        assertTrue(d.overloaded());
        d.connectionClosed(false);
        d.connectionClosed(false);
        assertTrue(d.overloaded(), "2 connections is not below the lower threshold 2");
        d.connectionClosed(false);
        assertFalse(d.overloaded());
    }

    @Test
    void overloadClearsBelowThreeQuartersOfUpperWithoutLowerThreshold() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80 -x 8\n");
        Destination d = vs.members().get(0);
        for (int i = 0; i < 8; i++) {
            d.connectionOpened();
        }
        d.connectionClosed(false);
        d.connectionClosed(false);
        assertTrue(d.overloaded(), "6*4 < 8*3 is false");
        d.connectionClosed(false);
        assertFalse(d.overloaded());
    }

    @Test
    void failedServerIsRemovedUnlessInhibitOnFailureKeepsItAtWeightZero() throws Exception {
        String rules = "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80 -w 5\n-a -t 10.0.0.1:80 -r 10.0.0.12:80\n";
        VirtualService removed = service(rules);
        removed.setHealthy(removed.members().get(0), false);
        assertEquals(1, removed.members().size());

        ServiceRule r = rule(rules);
        ServiceOptions inhibit = new ServiceOptions(r.key(), Optional.empty(), true, Optional.empty(), false, false, 0);
        VirtualService kept = new VirtualService(r, inhibit, clock::get);
        Destination d = kept.members().get(0);
        kept.setHealthy(d, false);
        assertEquals(2, kept.members().size());
        assertEquals(0, d.weight());
        assertEquals(5, d.configuredWeight());
    }

    @Test
    void alphaStartsServersDownUntilChecked() throws Exception {
        ServiceRule r = rule("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80\n");
        HealthCheckSpec check = new HealthCheckSpec(CheckType.TCP_CHECK, 0, "/", 200, Optional.empty(), "", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), "", Duration.ofSeconds(1));
        VirtualService vs = new VirtualService(r, new ServiceOptions(r.key(), Optional.of(check), false, Optional.empty(), true, false, 0), clock::get);
        assertTrue(vs.members().isEmpty());
        assertNull(vs.schedule(ip("1.1.1.1"), 1, List.of()));
    }

    @Test
    void sorryServerTakesClientsWhenNoRealServerIsAvailable() throws Exception {
        ServiceRule r = rule("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80\n");
        ServiceOptions o = new ServiceOptions(r.key(), Optional.empty(), false, Optional.of(Endpoint.parse("127.0.0.1:8081", -1)), false, false, 0);
        VirtualService vs = new VirtualService(r, o, clock::get);
        vs.setHealthy(vs.members().get(0), false);
        assertEquals("127.0.0.1:8081", at(vs.schedule(ip("1.1.1.1"), 1, List.of())));
        assertEquals("127.0.0.1:8081", vs.snapshot().members().get(0).address().toString());
    }

    @Test
    void reloadKeepsSurvivingServersAndAppliesNewWeights() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s wrr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80\n-a -t 10.0.0.1:80 -r 10.0.0.12:80\n");
        Destination kept = vs.destination(Endpoint.parse("10.0.0.11:80", -1)).orElseThrow();
        Destination dropped = vs.destination(Endpoint.parse("10.0.0.12:80", -1)).orElseThrow();
        dropped.connectionOpened();
        ServiceRule next = rule("-A -t 10.0.0.1:80 -s wrr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80 -w 7\n-a -t 10.0.0.1:80 -r 10.0.0.13:80\n");
        vs.apply(next, ServiceOptions.defaults(next.key()));
        assertSame(kept, vs.destination(Endpoint.parse("10.0.0.11:80", -1)).orElseThrow());
        assertEquals(7, kept.weight());
        assertFalse(vs.members().contains(dropped));
        assertEquals(1, dropped.inactiveConns(), "the removed server still accounts for its draining connection");
    }

    @Test
    void setWeightZeroDrainsAServer() throws Exception {
        VirtualService vs = service("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.11:80\n-a -t 10.0.0.1:80 -r 10.0.0.12:80\n");
        assertTrue(vs.setWeight(Endpoint.parse("10.0.0.11:80", -1), 0));
        for (int i = 0; i < 4; i++) {
            assertEquals("10.0.0.12:80", at(vs.schedule(ip("1.1.1.1"), i, List.of())));
        }
    }

    @Test
    void templatesExpireOnTheTimerPersistenceTimeoutAfterTheirLastConnection() throws Exception {
        VirtualService vs = service(TWO_SERVERS_PERSISTENT);
        for (int i = 0; i < 100; i++) {
            vs.release(vs.schedule(ip("192.168.1." + i), 1000, List.of()));
        }
        Assignment held = vs.schedule(ip("192.168.2.1"), 1000, List.of());
        assertEquals(101, vs.snapshot().bounds().templates());
        advanceSeconds(19);
        vs.expireTemplates();
        assertEquals(101, vs.snapshot().bounds().templates());
        advanceSeconds(1);
        vs.expireTemplates();
        assertEquals(1, vs.snapshot().bounds().templates(), "only the template with a live connection stays");
        vs.release(held);
        advanceSeconds(20);
        vs.expireTemplates();
        assertEquals(0, vs.snapshot().bounds().templates());
    }

    @Test
    void newClientsBeyondTheTemplateCapAreRefusedAndCounted() throws Exception {
        VirtualService vs = service(TWO_SERVERS_PERSISTENT);
        vs.setLimits(new io.lvsplay.agent.config.Limits(10, 3));
        for (int i = 0; i < 3; i++) {
            vs.schedule(ip("192.168.1." + i), 1000, List.of());
        }
        assertEquals(null, vs.schedule(ip("192.168.1.99"), 1000, List.of()));
        assertEquals(1, vs.snapshot().bounds().templatesRefused());
        // Clients that have a template still get their server.
        assertTrue(vs.schedule(ip("192.168.1.0"), 1001, List.of()) != null);
    }
}
