package io.lvsplay.modules.system;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.FileWrite;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.module.ResultReader;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.posix.mount on Linux: the fstab edit is planned in full ({@link FstabEdit}), whether the
 * path is mounted is read from /proc/self/mountinfo, and the change runs mount, umount or
 * {@code mount -o remount} as the collection does (a failed mount puts the old fstab back).
 */
public final class MountModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("path", Type.PATH).aliases("name")
            .arg("src", Type.PATH)
            .arg("fstype", Type.STR)
            .arg("opts", Type.STR)
            .arg("dump", Type.STR, "0")
            .arg("passno", Type.STR, "0")
            .arg("fstab", Type.STR)
            .arg("boot", Type.BOOL, true)
            .arg("backup", Type.BOOL, false)
            .choice("state", null, "absent", "absent_from_fstab", "mounted", "present", "unmounted", "remounted", "ephemeral")
            .requiredIf("state", "mounted", "src", "fstype")
            .requiredIf("state", "present", "src", "fstype")
            .requiredIf("state", "ephemeral", "src", "fstype");

    @Override
    public String name() {
        return "mount";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.mount", "ansible.posix.mount");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String state = args.str("state");
        if (state == null) {
            throw new ModuleFailure("missing required arguments: state");
        }
        if (state.equals("ephemeral")) {
            throw new ModuleFailure("lvsplay does not support state 'ephemeral' of module 'mount' yet");
        }
        String name = args.str("path");
        String fstab = args.str("fstab") == null ? "/etc/fstab" : args.str("fstab");
        Map<String, String> entry = entry(args, name);
        List<String> warnings = new ArrayList<>();
        String opts = entry.get("opts");
        if (List.of(opts.split(",")).contains("noauto")) {
            warnings.add("Ignore the 'boot' due to 'opts' contains 'noauto'.");
        } else if (!args.bool("boot", true)) {
            if (List.of(opts.split(",")).contains("defaults")) {
                warnings.add("Ignore the 'boot' due to 'opts' contains 'defaults'.");
            } else {
                entry.put("opts", opts + ",noauto");
            }
        }
        byte[] current = host.readFile(fstab).orElse(null);
        String before = current == null ? "" : new String(current, StandardCharsets.UTF_8);
        boolean mounted = mounted(host, name);
        Map<String, Object> result = Results.of("name", name, "src", entry.get("src"), "fstype", entry.get("fstype"),
                "opts", entry.get("opts"), "dump", entry.get("dump"), "passno", entry.get("passno"), "fstab", fstab,
                "boot", args.bool("boot", true) ? "yes" : "no", "backup_file", "", "warnings", warnings.isEmpty() ? null : warnings);
        List<Change> changes = new ArrayList<>();
        String fstabArgs = fstab.equals("/etc/fstab") ? "" : " -T " + ShellQuote.quote(fstab);
        switch (state) {
            case "absent", "absent_from_fstab" -> {
                FstabEdit.Result edit = FstabEdit.unset(before, name, args.str("src"));
                if (edit.changed()) {
                    changes.add(writeFstab(fstab, before, edit.text(), args, current == null));
                    if (state.equals("absent")) {
                        changes.add(run("unmount and remove " + name, (mounted ? "umount " + ShellQuote.quote(name)
                                + " || exit $?; " : "") + "if [ -e " + ShellQuote.quote(name) + " ]; then rmdir -- "
                                + ShellQuote.quote(name) + "; fi", "Error unmounting " + name));
                    }
                }
            }
            case "unmounted" -> {
                if (mounted) {
                    changes.add(run("unmount " + name, "umount " + ShellQuote.quote(name), "Error unmounting " + name));
                }
            }
            case "present" -> {
                FstabEdit.Result edit = FstabEdit.set(before, entry);
                if (edit.changed()) {
                    changes.add(writeFstab(fstab, before, edit.text(), args, current == null));
                }
            }
            case "remounted" -> changes.add(run("remount " + name, remount(entry, fstabArgs, name, true), "Error remounting " + name));
            default -> {
                FstabEdit.Result edit = FstabEdit.set(before, entry);
                boolean missing = !host.stat(name).exists();
                if (edit.changed()) {
                    changes.add(writeFstab(fstab, before, edit.text(), args, current == null));
                }
                if (mounted && edit.changed()) {
                    changes.add(run("remount " + name, remount(entry, fstabArgs, name, false), "Error mounting " + name));
                } else if (!mounted) {
                    String q = ShellQuote.quote(name);
                    String script = (missing ? "mkdir -p -- " + q + " || exit $?; " : "")
                            + "if ! out=$(mount" + fstabArgs + " " + q + " 2>&1); then "
                            + (edit.changed() ? "cat > " + ShellQuote.quote(fstab) + "; " : "")
                            + (missing ? "rmdir -- " + q + " 2>/dev/null; " : "") + "printf '%s' \"$out\" >&2; exit 1; fi";
                    changes.add(Change.named("mount " + name).then(RemoteCommand.of(script, edit.changed() ? current == null
                            ? new byte[0] : current : null), fail("Error mounting " + name)));
                }
            }
        }
        return Plan.changes(changes, result);
    }

    private static Map<String, String> entry(ModuleArgs args, String name) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("src", args.str("src") == null ? "" : args.str("src"));
        e.put("name", name);
        e.put("fstype", args.str("fstype") == null ? "" : args.str("fstype"));
        e.put("opts", args.str("opts") == null ? "defaults" : args.str("opts"));
        e.put("dump", args.str("dump", "0"));
        e.put("passno", args.str("passno", "0"));
        return e;
    }

    /* /proc/self/mountinfo's fifth field is the mount point, octal-escaped like fstab. */
    static boolean mounted(RemoteHost host, String path) {
        String p = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        return host.run("awk -v p=" + ShellQuote.quote(FstabEdit.escape(p).replace("\\", "\\\\"))
                + " '$5 == p {found = 1} END {exit !found}' /proc/self/mountinfo").ok();
    }

    /* mount -o remount[,opts]; where remount is refused, umount then mount (not with explicit opts, as the collection). */
    private static String remount(Map<String, String> entry, String fstabArgs, String name, boolean explicit) {
        boolean withOpts = explicit && !entry.get("opts").equals("defaults");
        String q = ShellQuote.quote(name);
        String mount = "mount -o " + ShellQuote.quote(withOpts ? "remount," + entry.get("opts") : "remount") + fstabArgs + " " + q;
        if (withOpts) {
            return mount + " || { echo 'Options were specified with remounted, but the remount command failed. Failing in order to"
                    + " prevent an unexpected mount result. Try replacing this command with a \"state: unmounted\" followed by a"
                    + " \"state: mounted\" using the full desired mount options instead.' >&2; exit 1; }";
        }
        return mount + " 2>/dev/null || { umount " + q + " && mount" + fstabArgs + " " + q + "; }";
    }

    private static Change writeFstab(String fstab, String before, String after, ModuleArgs args, boolean created) {
        Change change = Change.named((created ? "create " : "update ") + fstab, Diff.of(fstab, before, after));
        if (args.bool("backup", false) && !created) {
            String q = ShellQuote.quote(fstab);
            change = change.then(RemoteCommand.of("b=" + q + ".$$.$(date +%Y-%m-%d@%H:%M:%S~) && cp -p -- " + q
                    + " \"$b\" && printf %s \"$b\""), (r, h) -> {
                        if (!r.ok()) {
                            throw new ModuleFailure("cannot back up " + fstab + ": " + r.stderr().strip());
                        }
                        return Map.of("backup_file", r.stdout());
                    });
        }
        if (created) {
            change = change.then(RemoteCommand.of("mkdir -p -- \"$(dirname -- " + ShellQuote.quote(fstab) + ")\""),
                    ResultReader.failUnlessOk("cannot create the directory of " + fstab));
        }
        return change.then(new FileWrite(fstab, after.getBytes(StandardCharsets.UTF_8), null, null, null));
    }

    private static Change run(String what, String script, String failure) {
        return Change.named(what).then(RemoteCommand.of(script), fail(failure));
    }

    private static ResultReader fail(String message) {
        return (r, host) -> {
            if (!r.ok()) {
                throw new ModuleFailure(message + ": " + (r.stdout() + r.stderr()).strip());
            }
            return Map.of();
        };
    }
}
