package io.lvsplay.agent;

import io.lvsplay.agent.config.AgentConfig;
import io.lvsplay.agent.config.InvalidConfigException;
import io.lvsplay.agent.control.ControlClient;
import io.lvsplay.agent.control.ControlReply;
import io.lvsplay.agent.ipvsadm.IpvsadmClient;
import io.lvsplay.agent.rules.Endpoint;
import io.lvsplay.agent.rules.Protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code lvsplay-agent} command line. Exit codes: 0 ok, 1 error, 2 usage. {@link #run} returns the code so
 * that {@code lvsplay agent ...} can embed it; {@link #main} exits with it.
 */
public final class AgentMain {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: lvsplay-agent run --rules FILE [--config FILE] [--control PATH] [--pidfile PATH]
                   lvsplay-agent check --rules FILE [--config FILE]
                   lvsplay-agent list [-n] [--stats|--rate] [--exact] [--control PATH]
                   lvsplay-agent save [-n] [--control PATH]
                   lvsplay-agent reload [--control PATH]
                   lvsplay-agent set-weight [-t|-u] VIP:PORT RIP:PORT WEIGHT [--control PATH]
                   lvsplay-agent drain [-t|-u] VIP:PORT RIP:PORT [--control PATH]
                   lvsplay-agent ipvsadm ARGS...         (control socket from $LVSPLAY_AGENT_CONTROL)

            run        forward the virtual services of the ipvsadm rules FILE in the foreground
                       (SIGHUP or 'reload' re-reads the files; SIGTERM stops)
            check      validate the rules and config; prints OK or FILE:LINE: problem
            list       the table in 'ipvsadm -Ln' layout (--stats, --rate as ipvsadm)
            save       the table as 'ipvsadm-save -n' rules
            set-weight change a real server's weight for new connections
            drain      weight 0: no new connections, existing ones finish
            ipvsadm    ipvsadm's own command line (-A -E -D -C -R -S -a -e -d -L -Z ...) on the running agent
            default control socket: /run/lvsplay-agent/control.sock
            """;

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String command = args[0];
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (command.equals("ipvsadm")) {
            return IpvsadmClient.run(rest, System.in, out, err);
        }
        if (command.equals("--help") || command.equals("-h") || command.equals("help") || rest.contains("--help")) {
            out.print(USAGE_TEXT);
            return OK;
        }
        try {
            return switch (command) {
                case "run" -> runAgent(Options.parse(rest, Set.of("--rules", "--config", "--control", "--pidfile"), Set.of()), err);
                case "check" -> check(Options.parse(rest, Set.of("--rules", "--config"), Set.of()), out, err);
                case "list" -> {
                    Options o = Options.parse(rest, Set.of("--control"), Set.of("-n", "--numeric", "--stats", "--rate", "--exact"));
                    if (o.flags.contains("--stats") && o.flags.contains("--rate")) {
                        throw new UsageException("list: --stats and --rate are mutually exclusive");
                    }
                    List<String> words = new ArrayList<>(List.of("list"));
                    for (String f : List.of("--stats", "--rate", "--exact")) {
                        if (o.flags.contains(f)) {
                            words.add(f);
                        }
                    }
                    yield remote(o, words, out, err);
                }
                case "save" -> remote(Options.parse(rest, Set.of("--control"), Set.of("-n", "--numeric")), List.of("save"), out, err);
                case "reload" -> remote(Options.parse(rest, Set.of("--control"), Set.of()), List.of("reload"), out, err);
                case "set-weight" -> weightCommand("set-weight", rest, 3, out, err);
                case "drain" -> weightCommand("drain", rest, 2, out, err);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("lvsplay-agent: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
    }

    private static int check(Options o, PrintStream out, PrintStream err) throws UsageException {
        Path rules = o.required("--rules");
        try {
            AgentSetup.load(rules, o.path("--config"));
        } catch (InvalidConfigException e) {
            err.println(e.getMessage());
            return ERROR;
        }
        out.println("OK");
        return OK;
    }

    private static int runAgent(Options o, PrintStream err) throws UsageException {
        Path rules = o.required("--rules");
        Optional<Path> pidfile = o.path("--pidfile");
        Agent agent;
        try {
            agent = Agent.start(rules, o.path("--config"), o.path("--control"));
        } catch (InvalidConfigException e) {
            err.println(e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("lvsplay-agent: cannot start: " + e.getMessage());
            return ERROR;
        }
        if (pidfile.isPresent()) {
            try {
                Files.writeString(pidfile.get(), ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                err.println("lvsplay-agent: cannot write pid file " + pidfile.get() + ": " + e.getMessage());
                agent.close();
                return ERROR;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Signals.onHangup(agent::reload);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            pidfile.ifPresent(p -> p.toFile().delete());
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int weightCommand(String command, List<String> rest, int positional, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(rest, Set.of("--control"), Set.of("-t", "-u", "--tcp-service", "--udp-service"));
        Protocol protocol = o.flags.contains("-u") || o.flags.contains("--udp-service") ? Protocol.UDP : Protocol.TCP;
        if (o.positional.size() != positional) {
            throw new UsageException(command + " needs " + (positional == 3 ? "VIP:PORT RIP:PORT WEIGHT" : "VIP:PORT RIP:PORT"));
        }
        try {
            Endpoint vip = Endpoint.parse(o.positional.get(0), -1);
            Endpoint.parse(o.positional.get(1), vip.port());
            if (positional == 3 && !o.positional.get(2).matches("\\d{1,5}")) {
                throw new UsageException("weight must be a number 0-65535, got '" + o.positional.get(2) + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> words = new ArrayList<>(List.of(command, protocol.name().toLowerCase()));
        words.addAll(o.positional);
        return remote(o, words, out, err);
    }

    private static int remote(Options o, List<String> words, PrintStream out, PrintStream err) throws UsageException {
        if (!o.positional.isEmpty() && !words.get(0).equals("set-weight") && !words.get(0).equals("drain")) {
            throw new UsageException("unexpected argument '" + o.positional.get(0) + "'");
        }
        ControlReply reply = ControlClient.send(o.path("--control").orElse(AgentConfig.DEFAULT_CONTROL), words);
        (reply.exitCode() == OK ? out : err).print(reply.body());
        return reply.exitCode();
    }

    /** Bad command line: print usage and exit 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** "--key value" options, bare flags and positional words. */
    private static final class Options {
        final Map<String, String> values = new HashMap<>();
        final List<String> flags = new ArrayList<>();
        final List<String> positional = new ArrayList<>();

        static Options parse(List<String> args, Set<String> withValue, Set<String> flags) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (withValue.contains(a)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(a + " needs a value");
                    }
                    o.values.put(a, args.get(++i));
                } else if (flags.contains(a)) {
                    o.flags.add(a);
                } else if (a.startsWith("-") && a.length() > 1) {
                    throw new UsageException("unknown option '" + a + "'");
                } else {
                    o.positional.add(a);
                }
            }
            return o;
        }

        Path required(String key) throws UsageException {
            return path(key).orElseThrow(() -> new UsageException(key + " FILE is required"));
        }

        Optional<Path> path(String key) {
            return Optional.ofNullable(values.get(key)).map(Path::of);
        }
    }
}
