package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.rules.RuleTable;
import io.lvsplay.agent.rules.RulesParser;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableEditTest {
    private static RuleTable edit(RuleTable t, String line) throws Exception {
        return TableEdit.apply(t, IpvsadmParser.parse(Arrays.asList(line.split(" "))));
    }

    private static String refusal(RuleTable t, String line) {
        IpvsadmException e = assertThrows(IpvsadmException.class, () -> edit(t, line));
        assertEquals(255, e.exitCode());
        return e.getMessage();
    }

    @Test
    void changesTheTableAsTheKernelWouldAndRefusesWithLibipvsMessages() throws Exception {
        RuleTable t = RulesParser.parse("rules", "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.2:80 -g\n");
        assertEquals("Service already exists", refusal(t, "-A -t 10.0.0.1:80"));
        assertEquals("Destination already exists", refusal(t, "-a -t 10.0.0.1:80 -r 10.0.0.2"));
        assertEquals("Service not defined", refusal(t, "-a -t 10.0.0.9:80 -r 10.0.0.2"));
        assertEquals("No such destination", refusal(t, "-e -t 10.0.0.1:80 -r 10.0.0.3 -w 2"));
        assertEquals("No such destination", refusal(t, "-d -t 10.0.0.1:80 -r 10.0.0.3"));
        assertEquals("No such service", refusal(t, "-D -t 10.0.0.9:80"));
        assertEquals("No such service", refusal(t, "-E -t 10.0.0.9:80"));
        assertEquals("Scheduler or persistence engine not found", refusal(t, "-A -t 10.0.0.5:80 -s nope"));

        RuleTable quiesced = edit(t, "-e -t 10.0.0.1:80 -r 10.0.0.2:80 -g -w 0");
        assertEquals(0, quiesced.services().get(0).realServers().get(0).weight());
        RuleTable persistent = edit(t, "-E -t 10.0.0.1:80 -s wrr -p 60 -M 255.255.255.0");
        assertEquals("wrr", persistent.services().get(0).scheduler());
        assertEquals(60, persistent.services().get(0).persistence().orElseThrow().timeoutSeconds());
        assertEquals(1, persistent.services().get(0).realServers().size(), "an edited service keeps its real servers");
        assertEquals(0, edit(t, "-d -t 10.0.0.1:80 -r 10.0.0.2:80").services().get(0).realServers().size());
        assertEquals(0, edit(t, "-D -t 10.0.0.1:80").services().size());
        assertEquals(0, edit(t, "-C").services().size());
    }
}
