package io.lvsplay.modules.packages;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ansible's pip for the system's Python: packages present (a version, or a specifier such as
 * {@code psutil==5.8.0} or {@code requests>=2}), latest, absent or forcereinstall, planned from
 * {@code pip list --format=freeze} (and {@code --outdated} for latest, which asks the index). Virtual
 * environments, requirements files and editable installs are refused at load time.
 */
public final class PipModule implements Module {
    @Override
    public String name() {
        return "pip";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.pip", "ansible.legacy.pip");
    }

    @Override
    public ArgSpec argSpec() {
        return ArgSpec.of()
                .required("name", Type.LIST).elements(Type.STR)
                .arg("version", Type.STR)
                .choice("state", "present", "present", "absent", "latest", "forcereinstall")
                .arg("executable", Type.PATH)
                .arg("extra_args", Type.STR)
                .notSupported("requirements", "virtualenv", "virtualenv_command", "virtualenv_python",
                        "virtualenv_site_packages", "editable", "chdir", "umask");
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        List<String> names = recoverSpecifiers(args.list("name").stream().map(String::valueOf).map(String::strip).toList());
        String version = args.str("version");
        if (version != null && names.size() != 1) {
            throw new ModuleFailure("version is incompatible with multiple packages in name");
        }
        List<PipSpec> specs = names.stream().map(n -> PipSpec.parse(version == null ? n : n + "==" + version)).toList();
        String state = args.str("state");
        String pip = pipCommand(ctx, args.str("executable"));
        Map<String, String> installed = freeze(ctx, pip, "");
        Map<String, String> outdated = state.equals("latest") ? freeze(ctx, pip, " --outdated") : Map.of();
        List<String> act = new ArrayList<>();
        for (PipSpec spec : specs) {
            String have = installed.get(spec.key());
            boolean needed = switch (state) {
                case "absent" -> have != null;
                case "latest" -> have == null || outdated.containsKey(spec.key());
                case "forcereinstall" -> true;
                default -> have == null || !spec.satisfiedBy(have);
            };
            if (needed) {
                act.add(state.equals("absent") ? spec.name() : spec.text());
            }
        }
        String extra = args.str("extra_args") == null ? "" : " " + args.str("extra_args");
        String cmd = switch (state) {
            case "absent" -> pip + " uninstall -y" + extra + " " + ShellQuote.join(act);
            case "latest" -> pip + " install -U" + extra + " " + ShellQuote.join(act);
            case "forcereinstall" -> pip + " install -U --force-reinstall" + extra + " " + ShellQuote.join(act);
            default -> pip + " install" + extra + " " + ShellQuote.join(act);
        };
        Map<String, Object> base = Results.of("name", names, "state", state);
        base.put("version", version);
        base.put("requirements", null);
        base.put("virtualenv", null);
        if (act.isEmpty()) {
            base.put("cmd", cmd);
            return Plan.unchanged(base);
        }
        Change change = Change.named(cmd, Diff.of("pip", "", String.join("\n", act) + "\n"))
                .then(RemoteCommand.of(cmd), (r, h) -> {
                    Map<String, Object> out = new HashMap<>(base);
                    out.putAll(Results.of("cmd", cmd, "stdout", r.stdout(), "stderr", r.stderr()));
                    if (!r.ok()) {
                        throw new ModuleFailure("stdout: " + r.stdout() + "\n\n:stderr: " + r.stderr(), out);
                    }
                    return out;
                });
        return Plan.changes(List.of(change), base);
    }

    /**
     * A name string "requests>=2,<3" arrives split at its comma (name is a list): rejoin the parts
     * that start with a comparison, as Ansible's _recover_package_name does.
     */
    static List<String> recoverSpecifiers(List<String> parts) {
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            if (!names.isEmpty() && part.matches("(==|!=|>=|<=|~=|>|<).*")) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "," + part);
            } else {
                names.add(part);
            }
        }
        return names;
    }

    /** The pip to run: executable, else pip3, else python3 -m pip, as Ansible's _get_pip looks for one. */
    private static String pipCommand(ModuleContext ctx, String executable) {
        if (executable != null) {
            return ShellQuote.quote(executable);
        }
        ExecResult found = ctx.host().run("command -v pip3 || { python3 -m pip --version >/dev/null 2>&1 && echo python3 -m pip; }");
        String pip = found.stdout().strip();
        if (pip.isEmpty()) {
            throw new ModuleFailure("Unable to find any of pip3 to use.  pip needs to be installed.");
        }
        return pip.equals("python3 -m pip") ? pip : ShellQuote.quote(pip);
    }

    /** name (normalized) -> version, from pip list --format=freeze (+ flags). */
    private static Map<String, String> freeze(ModuleContext ctx, String pip, String flags) {
        ExecResult r = ctx.host().run(pip + " list --format=freeze" + flags + " 2>/dev/null");
        if (!r.ok()) {
            throw new ModuleFailure("Unable to list packages with " + pip + ": " + r.stderr().strip());
        }
        Map<String, String> out = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf("==");
            if (eq > 0) {
                out.put(PipSpec.normalize(line.substring(0, eq)), line.substring(eq + 2).strip());
            }
        }
        return out;
    }

    /** A requirement "name", "name==1.2" or "name>=1,<2" (PEP 440 comparisons of release numbers). */
    record PipSpec(String text, String name, List<String[]> clauses) {
        static PipSpec parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(.*)").matcher(text);
            if (!m.matches()) {
                throw new ModuleFailure("lvsplay does not support the pip requirement '" + text + "' yet");
            }
            List<String[]> clauses = new ArrayList<>();
            if (!m.group(2).isBlank()) {
                for (String c : m.group(2).split(",")) {
                    java.util.regex.Matcher op = java.util.regex.Pattern.compile("\\s*(==|!=|>=|<=|>|<)\\s*([0-9][0-9.]*)\\s*").matcher(c);
                    if (!op.matches()) {
                        throw new ModuleFailure("lvsplay does not support the pip version specifier '" + c.strip()
                                + "' yet (==, !=, >=, <=, >, < with release numbers)");
                    }
                    clauses.add(new String[] {op.group(1), op.group(2)});
                }
            }
            return new PipSpec(text, m.group(1), clauses);
        }

        static String normalize(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        }

        String key() {
            return normalize(name);
        }

        boolean satisfiedBy(String installed) {
            for (String[] c : clauses) {
                int cmp = compare(installed, c[1]);
                boolean ok = switch (c[0]) {
                    case "==" -> cmp == 0;
                    case "!=" -> cmp != 0;
                    case ">=" -> cmp >= 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    default -> cmp < 0;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** Release numbers compared as PEP 440 does (1.0 == 1.0.0); a non-numeric part compares as text. */
        static int compare(String a, String b) {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                String p = i < x.length ? x[i] : "0";
                String q = i < y.length ? y[i] : "0";
                int c = p.matches("[0-9]+") && q.matches("[0-9]+")
                        ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
