package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's debconf: the package's answers read with debconf-show, one answer set with
 * debconf-set-selections (the line on stdin, so a password never reaches a command line). Booleans
 * compare case-insensitively; a password is never shown by debconf-show, so setting one is always
 * a change, as in Ansible.
 */
public final class DebconfModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR).aliases("pkg")
            .arg("question", Type.STR).aliases("selection", "setting")
            .choice("vtype", null, "boolean", "error", "multiselect", "note", "password", "seen", "select", "string", "text", "title")
            .arg("value", Type.STR).aliases("answer")
            .arg("unseen", Type.BOOL, false)
            .requiredTogether("question", "vtype", "value");

    @Override
    public String name() {
        return "debconf";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String pkg = args.str("name");
        ExecResult shown = ctx.host().run("debconf-show " + ShellQuote.quote(pkg));
        if (shown.exitCode() == 127) {
            throw new ModuleFailure("Failed to find required executable \"debconf-show\" in paths");
        }
        if (!shown.ok()) {
            throw new ModuleFailure(shown.stderr().strip());
        }
        Map<String, Object> previous = selections(shown.stdout());
        String question = args.str("question");
        if (question == null) {
            return Plan.unchanged(Results.of("msg", "", "current", previous));
        }
        String vtype = args.str("vtype");
        String value = args.str("value");
        boolean changed;
        if (!previous.containsKey(question)) {
            changed = true;
        } else if (vtype.equals("boolean")) {
            value = value.toLowerCase(java.util.Locale.ROOT);
            changed = !value.equals(String.valueOf(previous.get(question)).toLowerCase(java.util.Locale.ROOT));
        } else {
            changed = !value.equals(previous.get(question));
        }
        if (!changed) {
            return Plan.unchanged(Results.of("msg", "", "current", previous));
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put(question, previous.getOrDefault(question, ""));
        Map<String, Object> current = new LinkedHashMap<>();
        current.put(question, value);
        boolean secret = vtype.equals("password");
        String line = String.join(" ", List.of(pkg, question, vtype, value));
        String command = "debconf-set-selections" + (args.bool("unseen", false) ? " -u" : "");
        Change set = Change.named("set " + pkg + " " + question,
                        new Diff(pkg, question + ": " + before.get(question) + "\n", question + ": " + value + "\n", secret))
                .then(RemoteCommand.of(command, line.getBytes(StandardCharsets.UTF_8)), (r, host) -> {
                    if (!r.ok()) {
                        throw new ModuleFailure(r.stderr().strip());
                    }
                    return Results.of("msg", r.stdout());
                });
        return Plan.changes(List.of(set), Results.of("msg", "", "current", current, "previous", before));
    }

    /* debconf-show's "* question: value" lines (the star marks questions already asked). */
    static Map<String, Object> selections(String out) {
        Map<String, Object> selections = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).replaceAll("^\\*+|\\*+$", "").strip();
            selections.put(key, line.substring(colon + 1).strip());
        }
        return selections;
    }
}
