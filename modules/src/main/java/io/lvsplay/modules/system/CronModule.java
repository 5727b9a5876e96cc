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
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's cron: a named job (or variable with env) in a user's crontab (crontab -l / crontab -)
 * or in a cron_file under /etc/cron.d, written exactly as Ansible writes it. A cron_file left
 * without lines by state=absent is deleted, as Ansible does.
 */
public final class CronModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR)
            .arg("user", Type.STR)
            .arg("job", Type.STR).aliases("value")
            .arg("cron_file", Type.PATH)
            .choice("state", "present", "present", "absent")
            .arg("minute", Type.STR, "*").arg("hour", Type.STR, "*")
            .arg("day", Type.STR, "*").aliases("dom")
            .arg("month", Type.STR, "*")
            .arg("weekday", Type.STR, "*").aliases("dow")
            .choice("special_time", null, "reboot", "yearly", "annually", "monthly", "weekly", "daily", "hourly")
            .arg("disabled", Type.BOOL, false)
            .arg("env", Type.BOOL, false)
            .notSupportedBecause("backup", "the crontab backup goes to a controller-side temp file in Ansible")
            .notSupported("insertafter", "insertbefore");

    @Override
    public String name() {
        return "cron";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String name = args.str("name");
        String user = args.str("user");
        String cronFile = args.str("cron_file");
        boolean present = args.str("state").equals("present");
        if (cronFile != null && cronFile.equals("/etc/crontab")) {
            throw new ModuleFailure("Will not manage /etc/crontab via cron_file, see documentation.");
        }
        if (cronFile != null && !cronFile.startsWith("/")) {
            cronFile = "/etc/cron.d/" + cronFile;
        }
        String special = args.str("special_time");
        if (special != null && List.of("minute", "hour", "day", "month", "weekday").stream().anyMatch(f -> !args.str(f).equals("*"))) {
            throw new ModuleFailure("You must specify time and date fields or special time.");
        }
        if (present && cronFile != null && user == null) {
            throw new ModuleFailure("To use cron_file=... parameter you must specify user=... as well");
        }
        if (present && args.str("job") == null) {
            throw new ModuleFailure("You must specify 'job' to install a new cron job or variable");
        }
        RemoteHost host = ctx.host();
        ContentFiles.Current file = cronFile == null ? null : ContentFiles.read(host, cronFile);
        String before = file != null ? file.text() : CronTab.withoutHeader(readUserCrontab(host, user));
        CronTab tab = new CronTab(before);
        if (args.bool("env", false)) {
            if (name.contains(" ")) {
                throw new ModuleFailure("Invalid name for environment variable");
            }
            if (present) {
                tab.putEnv(name, name + "=\"" + args.str("job") + "\"");
            } else {
                tab.removeEnv(name);
            }
        } else if (present) {
            tab.putJob(name, jobLine(args, cronFile != null ? user : null));
        } else {
            tab.removeJob(name);
        }
        String after = tab.render();
        Map<String, Object> result = Results.of("jobs", tab.jobNames(), "envs", tab.envNames());
        List<Change> changes = new ArrayList<>();
        if (after.equals(before)) {
            return Plan.unchanged(result);
        }
        if (file != null) {
            if (!present && tab.isBlank()) {
                String path = cronFile;
                changes.add(HostCommand.change("remove " + path, Diff.of(path, before, ""), "rm -f -- " + ShellQuote.quote(path)));
            } else {
                changes.addAll(ContentFiles.write(file, cronFile, after, args, false, null));
            }
        } else {
            String target = user == null ? "" : " -u " + ShellQuote.quote(user);
            byte[] content = after.getBytes(StandardCharsets.UTF_8);
            changes.add(Change.named("write the crontab" + (user == null ? "" : " of " + user),
                    Diff.of(user == null ? "crontab" : "crontab for user \"" + user + "\"", before, after))
                    .then(RemoteCommand.of("crontab" + target + " -", content), (r, h) -> {
                        if (!r.ok()) {
                            throw new ModuleFailure("Unable to write crontab: " + r.stderr().strip(),
                                    Results.of("rc", r.exitCode()));
                        }
                        return Map.of();
                    }));
        }
        return Plan.changes(changes, result);
    }

    private static String jobLine(ModuleArgs args, String fileUser) {
        String job = args.str("job").replaceAll("^[\r\n]+|[\r\n]+$", "");
        String prefix = args.bool("disabled", false) ? "#" : "";
        String owner = fileUser == null ? "" : fileUser + " ";
        if (args.has("special_time")) {
            return prefix + "@" + args.str("special_time") + " " + owner + job;
        }
        return prefix + String.join(" ", args.str("minute"), args.str("hour"), args.str("day"), args.str("month"),
                args.str("weekday")) + " " + owner + job;
    }

    private static String readUserCrontab(RemoteHost host, String user) {
        if (!host.run("command -v crontab >/dev/null 2>&1").ok()) {
            throw new ModuleFailure("Failed to find required executable \"crontab\" on " + host.hostName()
                    + " (install cron, or use cron_file)");
        }
        ExecResult r = host.run("crontab" + (user == null ? "" : " -u " + ShellQuote.quote(user)) + " -l");
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            throw new ModuleFailure("Unable to read crontab: " + r.stderr().strip());
        }
        return r.exitCode() == 0 ? r.stdout() : "";
    }
}
