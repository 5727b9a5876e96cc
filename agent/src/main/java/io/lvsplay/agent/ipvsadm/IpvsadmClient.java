package io.lvsplay.agent.ipvsadm;

import io.lvsplay.agent.config.AgentConfig;
import io.lvsplay.agent.control.ControlClient;
import io.lvsplay.agent.control.ControlReply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lvsplay-agent ipvsadm ARGS}: ipvsadm's command line, applied to the running agent over its control
 * socket ({@code $LVSPLAY_AGENT_CONTROL}, default {@code /run/lvsplay-agent/control.sock}). Exit codes as ipvsadm:
 * 0 done, 2 bad usage or no agent, 255 a change the table refused.
 */
public final class IpvsadmClient {
    static final String VERSION = "ipvsadm v1.31 2019/12/24 (lvsplay agent, IPVS v1.2.1 semantics)";
    static final String USAGE = """
            ipvsadm v1.31 2019/12/24 (lvsplay agent)
            Usage:
              ipvsadm -A|E virtual-service [-s scheduler] [-p [timeout]] [-M netmask] [-b sched-flags]
              ipvsadm -D virtual-service
              ipvsadm -C
              ipvsadm -R
              ipvsadm -S [-n]
              ipvsadm -a|e virtual-service -r server-address [options]
              ipvsadm -d virtual-service -r server-address
              ipvsadm -L|l [virtual-service] [options]
              ipvsadm -Z [virtual-service]
              ipvsadm -h

            virtual-service: --tcp-service|-t service-address | --udp-service|-u service-address
            options: -g (gatewaying) -i (ipip) -m (masquerading) -w weight -x upper -y lower,
                     -n --stats --rate --thresholds --exact --timeout --sort
            The table is the running lvsplay agent's (control socket $LVSPLAY_AGENT_CONTROL,
            default /run/lvsplay-agent/control.sock). Not supported: -f, --set, -c, --start-daemon, --pe, -o.
            """;

    private IpvsadmClient() {
    }

    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        return run(args, stdin, out, err, controlSocket());
    }

    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err, Path socket) {
        IpvsadmCommand c;
        try {
            c = IpvsadmParser.parse(args);
        } catch (IpvsadmException e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
        if (c.cmd() == IpvsadmCommand.Cmd.HELP) {
            out.print(USAGE);
            return 0;
        }
        if (c.cmd() == IpvsadmCommand.Cmd.VERSION) {
            out.println(VERSION);
            return 0;
        }
        List<String> words = new ArrayList<>();
        try {
            if (c.cmd() == IpvsadmCommand.Cmd.RESTORE) {
                words.add("ipvsadm-restore");
                BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    words.add(line.replace('\t', ' '));
                }
            } else {
                words.add("ipvsadm");
                args.forEach(a -> words.add(a.replace('\t', ' ').replace('\n', ' ')));
            }
        } catch (IOException e) {
            err.println("cannot read the rules from standard input: " + e.getMessage());
            return 2;
        }
        ControlReply reply;
        try {
            reply = ControlClient.call(socket, words);
        } catch (IOException e) {
            err.println("Can't initialize ipvs: the lvsplay agent does not answer on " + socket + ": " + e.getMessage());
            err.println("Are you sure that the lvsplay agent is running (and LVSPLAY_AGENT_CONTROL names its control socket)?");
            return 2;
        }
        (reply.exitCode() == 0 ? out : err).print(reply.body());
        return reply.exitCode();
    }

    static Path controlSocket() {
        String env = System.getenv("LVSPLAY_AGENT_CONTROL");
        return env == null || env.isBlank() ? AgentConfig.DEFAULT_CONTROL : Path.of(env);
    }
}
