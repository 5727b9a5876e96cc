package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's getent: a name-service database (passwd, group, hosts, services ...) as the fact
 * getent_DATABASE, each key mapped to its other fields (a list of such lists when a key repeats).
 * Reads only.
 */
public final class GetentModule implements Module {
    private static final List<String> COLON = List.of("passwd", "shadow", "group", "gshadow");
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("database", Type.STR)
            .arg("key", Type.STR)
            .arg("service", Type.STR)
            .arg("split", Type.STR)
            .arg("fail_key", Type.BOOL, true);

    @Override
    public String name() {
        return "getent";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String database = args.str("database");
        String key = args.str("key");
        String split = args.str("split");
        if (split == null && COLON.contains(database)) {
            split = ":";
        }
        String cmd = "getent " + ShellQuote.quote(database) + (key == null ? "" : " " + ShellQuote.quote(key))
                + (args.has("service") ? " -s " + ShellQuote.quote(args.str("service")) : "");
        ExecResult r = ctx.host().run(cmd);
        String tree = "getent_" + database;
        Map<String, Object> results = new LinkedHashMap<>();
        switch (r.exitCode()) {
            case 0 -> {
                parse(r.stdout(), split, results);
                return Plan.unchanged(Results.of("ansible_facts", Map.of(tree, results)));
            }
            case 1 -> throw new ModuleFailure("Missing arguments, or database unknown.");
            case 2 -> {
                String msg = "One or more supplied key could not be found in the database.";
                if (!args.bool("fail_key", true)) {
                    results.put(key, null);
                    return Plan.unchanged(Results.of("ansible_facts", Map.of(tree, results), "msg", msg));
                }
                throw new ModuleFailure(msg);
            }
            case 3 -> throw new ModuleFailure("Enumeration not supported on this database.");
            default -> throw new ModuleFailure("Unexpected failure!", Results.of("rc", r.exitCode(), "stderr", r.stderr()));
        }
    }

    @SuppressWarnings("unchecked")
    static void parse(String out, String split, Map<String, Object> results) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            // Python's split(None) splits at runs of whitespace; split(sep) keeps empty fields
            List<String> record = split == null ? Arrays.asList(line.strip().split("\\s+"))
                    : Arrays.asList(line.split(java.util.regex.Pattern.quote(split), -1));
            String k = record.get(0);
            List<String> rest = new ArrayList<>(record.subList(1, record.size()));
            Integer count = seen.get(k);
            if (count == null) {
                results.put(k, rest);
                seen.put(k, 1);
            } else {
                if (count == 1) {
                    List<Object> all = new ArrayList<>();
                    all.add(results.get(k));
                    results.put(k, all);
                }
                ((List<Object>) results.get(k)).add(rest);
                seen.put(k, count + 1);
            }
        }
    }
}
