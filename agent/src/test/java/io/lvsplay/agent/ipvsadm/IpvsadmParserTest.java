package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Cmd;
import io.lvsplay.agent.ipvsadm.IpvsadmCommand.Opt;
import io.lvsplay.agent.rules.ForwardMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ipvsadm 1.31's messages and exit codes for bad command lines (ipvsadm.c: fail(2, ...), tryhelp_exit(-1)). */
class IpvsadmParserTest {
    private static IpvsadmCommand parse(String line) throws IpvsadmException {
        return IpvsadmParser.parse(line.isEmpty() ? List.of() : Arrays.asList(line.split(" ")));
    }

    @ParameterizedTest(name = "ipvsadm {0}")
    @CsvSource(delimiter = '|', value = {
            "-A -t 10.0.0.1:0 -s rr|2|Zero port specified for non-persistent service",
            "-A -t 10.0.0.1 -s rr|2|Zero port specified for non-persistent service",
            "-A -t nohost:80|2|illegal virtual server address[:port] specified",
            "-a -t 10.0.0.1:80 -r x.y|2|illegal real server address[:port] specified",
            "-a -t 10.0.0.1:80 -r 10.0.0.2 -w 70000|2|illegal weight specified",
            "-a -t 10.0.0.1:80 -r 10.0.0.2 -x -1|2|illegal u_threshold specified",
            "-A -t 10.0.0.1:80 -p abc|2|invalid timeout value `abc' specified",
            "-A -t 10.0.0.1:80 -p 60 -M 255.255|2|illegal virtual server persistent mask specified",
            "-A -t 10.0.0.1:80 -s rr -s wrr|2|multiple 'scheduler' options specified",
            "-A -a -t 10.0.0.1:80|2|multiple commands specified",
            "-a -t 10.0.0.1:80|2|You need to supply the 'real-server' option for the 'add-server' command",
            "-A -s rr|2|You need to supply the 'service-address' option for the 'add-service' command",
            "-A -t 10.0.0.1:80 -w 3|2|Illegal 'weight' option with the 'add-service' command",
            "-a -t 10.0.0.1:80 -r 10.0.0.2 -s rr|2|Illegal 'scheduler' option with the 'add-server' command",
            "-D -t 10.0.0.1:80 -s rr|2|Illegal 'scheduler' option with the 'delete-service' command",
            "--bogus|2|--bogus: unknown option",
            "-A -t|2|-t: missing argument",
            "-t 10.0.0.1:80|255|Try `ipvsadm -h' or 'ipvsadm --help' for more information.",
            "-A -f 1|2|lvsplay does not support fwmark services (-f): the agent forwards -t and -u services",
    })
    void refusesAsIpvsadmDoes(String line, int code, String message) {
        IpvsadmException e = assertThrows(IpvsadmException.class, () -> parse(line));
        assertEquals(message, e.getMessage());
        assertEquals(code, e.exitCode());
    }

    @Test
    void readsClusteredShortOptionsLongOptionsAndTheOptionalPersistenceTimeout() throws Exception {
        IpvsadmCommand l = parse("-Ln --stats");
        assertEquals(Cmd.LIST, l.cmd());
        assertTrue(l.has(Opt.NUMERIC) && l.has(Opt.STATS));
        IpvsadmCommand a = parse("--add-service --tcp-service=10.0.0.1:80 -p -s sh");
        assertEquals(300, a.persistTimeout());
        assertEquals("sh", a.scheduler());
        IpvsadmCommand d = parse("-a -t10.0.0.1:80 -r 10.0.0.2 -m --weight 7");
        assertEquals("10.0.0.2:80", d.realServer().toString(), "a real server without a port takes the service's");
        assertEquals(ForwardMethod.MASQ, d.forward());
        assertEquals(7, d.weight());
    }

    @Test
    void editsReplaceTheEntryWithIpvsadmsDefaults() throws Exception {
        IpvsadmCommand e = parse("-e -t 10.0.0.1:80 -r 10.0.0.2:80");
        assertEquals(1, e.weight());
        assertEquals(ForwardMethod.ROUTE, e.forward());
        assertEquals("wlc", parse("-E -t 10.0.0.1:80").scheduler());
    }

    @Test
    void noArgumentsListsTheTable() throws Exception {
        assertEquals(Cmd.LIST, parse("").cmd());
    }
}
