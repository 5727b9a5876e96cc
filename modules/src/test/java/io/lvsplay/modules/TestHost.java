package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.Become;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellRemoteHost;
import io.lvsplay.engine.transport.LocalConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * This machine as a managed host (ansible_connection=local), and a ModuleContext over it:
 * plans are computed and applied for real, the way the executor does it.
 */
final class TestHost implements ModuleContext {
    private final RemoteHost host;
    private final Path filesDir;
    private final Map<String, Object> vars = new HashMap<>();
    private boolean checkMode;
    private Predicate<String> conditions = expr -> {
        throw new AssertionError("no condition expected: " + expr);
    };

    TestHost(Path filesDir) {
        this(new ShellRemoteHost(new LocalConnection("local"), Become.NONE), filesDir);
    }

    TestHost(RemoteHost host, Path filesDir) {
        this.host = host;
        this.filesDir = filesDir;
    }

    TestHost checkMode(boolean on) {
        this.checkMode = on;
        return this;
    }

    TestHost var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    TestHost conditions(Predicate<String> evaluator) {
        this.conditions = evaluator;
        return this;
    }

    /** Validates the arguments like the executor does, then plans. */
    Plan plan(Module module, Map<String, Object> args) {
        List<String> problems = module.argSpec().validate(args, Set.of());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid test arguments: " + problems);
        }
        return module.plan(new ModuleArgs(args, module.argSpec()), this);
    }

    /** What the executor does with a plan: apply each change in order, merging result fields. */
    Map<String, Object> apply(Plan plan) {
        Map<String, Object> result = new LinkedHashMap<>(plan.result());
        for (Change change : plan.applied()) {
            result.putAll(change.action().apply(host));
        }
        return result;
    }

    Map<String, Object> run(Module module, Map<String, Object> args) {
        return apply(plan(module, args));
    }

    @Override
    public RemoteHost host() {
        return host;
    }

    @Override
    public String hostName() {
        return "local";
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
        Path p = filesDir.resolve(kind).resolve(name);
        if (!Files.exists(p)) {
            throw new ModuleFailure("could not find " + name + " in " + filesDir.resolve(kind));
        }
        return p;
    }

    /** Enough Jinja2 for tests: {{ name }} replaced by the variable's value. */
    @Override
    public String renderTemplate(Path template) {
        try {
            String text = Files.readString(template);
            for (Map.Entry<String, Object> v : vars.entrySet()) {
                text = text.replace("{{ " + v.getKey() + " }}", String.valueOf(v.getValue()));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean evaluateCondition(String expression) {
        return conditions.test(expression);
    }

    @Override
    public Object evaluate(String expression) {
        if (!vars.containsKey(expression)) {
            throw new ModuleFailure("'" + expression + "' is undefined");
        }
        return vars.get(expression);
    }

    static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
