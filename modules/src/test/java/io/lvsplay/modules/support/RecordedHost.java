package io.lvsplay.modules.support;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.transport.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A host that answers commands with recorded output (what real apt, systemctl, iptables, rpm
 * printed), keyed by a fragment of the command, and remembers every command it was sent. Plans are
 * computed against it without SSH; applying a plan shows exactly which commands would run.
 */
public final class RecordedHost implements RemoteHost, ModuleContext {
    private record Answer(String fragment, int exit, String stdout) {}

    private final List<Answer> answers = new ArrayList<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> commands = new ArrayList<>();
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private boolean checkMode;

    /** Commands containing {@code fragment} print {@code stdout} and exit 0 (first match wins). */
    public RecordedHost answer(String fragment, String stdout) {
        return answer(fragment, 0, stdout);
    }

    public RecordedHost answer(String fragment, int exit, String stdout) {
        answers.add(new Answer(fragment, exit, stdout));
        return this;
    }

    public RecordedHost file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public RecordedHost checkMode(boolean on) {
        checkMode = on;
        return this;
    }

    public RecordedHost var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    /** Every command sent so far, in order. */
    public List<String> commands() {
        return commands;
    }

    /** Validates the arguments as the loader does, then plans. */
    public Plan plan(Module module, Map<String, Object> args) {
        List<String> problems = module.argSpec().validate(args, Set.of());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid test arguments: " + problems);
        }
        return module.plan(new ModuleArgs(args, module.argSpec()), this);
    }

    /** Applies a plan the way the executor does, and returns the commands the changes ran. */
    public List<String> apply(Plan plan) {
        int before = commands.size();
        for (Change change : plan.changes()) {
            change.action().apply(this);
        }
        return List.copyOf(commands.subList(before, commands.size()));
    }

    public static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public String hostName() {
        return "recorded";
    }

    @Override
    public ExecResult run(String command) {
        return run(command, new byte[0]);
    }

    @Override
    public ExecResult run(String command, byte[] stdin) {
        commands.add(command);
        for (Answer a : answers) {
            if (command.contains(a.fragment())) {
                return new ExecResult(a.exit(), a.stdout().getBytes(StandardCharsets.UTF_8), new byte[0]);
            }
        }
        return new ExecResult(0, new byte[0], new byte[0]);
    }

    @Override
    public Optional<byte[]> readFile(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public FileStat stat(String path) {
        byte[] content = files.get(path);
        return content == null ? FileStat.absent(path)
                : new FileStat(path, "file", "0644", "root", "root", content.length, null);
    }

    @Override
    public void writeFile(String path, byte[] content, String mode, String owner, String group) {
        commands.add("write " + path);
        files.put(path, content);
    }

    public String fileText(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public RemoteHost host() {
        return this;
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    @Override
    public boolean checkMode() {
        return checkMode;
    }

    @Override
    public boolean diffMode() {
        return true;
    }

    @Override
    public Path findFile(String name, String kind) {
        return Path.of(name);
    }

    @Override
    public String renderTemplate(Path template) {
        throw new UnsupportedOperationException("no templates on a recorded host");
    }

    @Override
    public boolean evaluateCondition(String expression) {
        throw new UnsupportedOperationException("no conditions on a recorded host");
    }

    @Override
    public Object evaluate(String expression) {
        throw new UnsupportedOperationException("no expressions on a recorded host");
    }
}
