package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local user account, present or absent, with useradd/usermod/userdel (shadow-utils, as on
 * Debian). Password hashes go to chpasswd on standard input, never on a command line or in output.
 */
public final class UserModule implements Module {
    static final String HIDDEN_PASSWORD = "NOT_LOGGING_PASSWORD";

    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR).aliases("user")
            .arg("uid", Type.INT)
            .arg("non_unique", Type.BOOL, false)
            .arg("group", Type.STR)
            .arg("groups", Type.LIST).elements(Type.STR)
            .arg("append", Type.BOOL, false)
            .arg("comment", Type.STR)
            .arg("home", Type.PATH)
            .arg("shell", Type.STR)
            .secret("password")
            .choice("state", "present", "present", "absent")
            .arg("remove", Type.BOOL, false)
            .arg("force", Type.BOOL, false)
            .arg("create_home", Type.BOOL, true).aliases("createhome")
            .arg("move_home", Type.BOOL, false)
            .arg("skeleton", Type.STR)
            .arg("system", Type.BOOL, false)
            .choice("update_password", "always", "always", "on_create")
            .arg("password_lock", Type.BOOL)
            .arg("generate_ssh_key", Type.BOOL, false)
            .arg("ssh_key_bits", Type.INT)
            .arg("ssh_key_type", Type.STR, "rsa")
            .arg("ssh_key_file", Type.PATH)
            .arg("ssh_key_comment", Type.STR)
            .secret("ssh_key_passphrase")
            .notSupported("seuser", "login_class", "hidden", "local", "profile", "authorization", "role",
                    "umask", "expires", "password_expire_max", "password_expire_min", "password_expire_warn");

    @Override
    public String name() {
        return "user";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        UserFacts facts = UserFacts.read(ctx.host(), args.str("name"));
        Plan plan = plan(args, facts);
        if (!args.str("state").equals("present") || !args.bool("generate_ssh_key", false)) {
            return plan;
        }
        return UserSshKey.plan(args, ctx.host(), facts, plan, ctx.hostName());
    }

    /** The plan from facts alone: what useradd/usermod/userdel must run (ssh keys aside). */
    static Plan plan(ModuleArgs args, UserFacts facts) {
        String name = args.str("name");
        if (args.str("state").equals("absent")) {
            if (!facts.exists()) {
                return Plan.unchanged(Results.of("name", name, "state", "absent"));
            }
            List<String> argv = new ArrayList<>(List.of("userdel"));
            if (args.bool("force", false)) {
                argv.add("-f");
            }
            if (args.bool("remove", false)) {
                argv.add("-r");
            }
            argv.add(name);
            return Plan.changes(List.of(step("remove user " + name, argv, null, name, false)),
                    Results.of("name", name, "state", "absent", "force", args.bool("force", false),
                            "remove", args.bool("remove", false)));
        }
        UserCommands commands = new UserCommands(args, facts);
        List<String> argv = facts.exists() ? commands.usermod() : commands.useradd();
        List<Change> changes = new ArrayList<>();
        if (argv != null) {
            changes.add(step((facts.exists() ? "modify user " : "create user ") + name, argv, null, name, true));
        }
        String hash = commands.newPasswordHash();
        if (hash != null) {
            byte[] stdin = (name + ":" + hash + "\n").getBytes(StandardCharsets.UTF_8);
            changes.add(step("set the password of user " + name, List.of("chpasswd", "-e"), stdin, name, true));
        }
        return Plan.changes(changes, presentResult(args, facts));
    }

    private static Map<String, Object> presentResult(ModuleArgs args, UserFacts facts) {
        Map<String, Object> result = new LinkedHashMap<>();
        UserFacts.Account a = facts.account();
        if (a != null) {
            result.put("append", args.bool("append", false));
        }
        result.put("comment", args.str("comment", a == null ? "" : a.comment()));
        if (a == null) {
            result.put("create_home", args.bool("create_home", true));
        }
        if (a != null) {
            result.put("group", a.gid());
        }
        if (args.has("groups")) {
            result.put("groups", String.join(",", args.list("groups").stream().map(String::valueOf).toList()));
        }
        result.put("home", args.str("home", a == null ? null : a.home()));
        if (a != null) {
            result.put("move_home", args.bool("move_home", false));
        }
        result.put("name", args.str("name"));
        if (args.has("password")) {
            result.put("password", HIDDEN_PASSWORD);
        }
        result.put("shell", args.str("shell", a == null ? null : a.shell()));
        result.put("state", "present");
        if (a == null) {
            result.put("system", args.bool("system", false));
        }
        result.put("uid", a == null ? args.integer("uid") : (Object) a.uid());
        result.values().removeIf(v -> v == null);
        return result;
    }

    /* Runs one command; after a create or modify, the account as the host now has it goes into the result. */
    private static Change step(String description, List<String> argv, byte[] stdin, String name, boolean reread) {
        Change change = Change.named(description).then(RemoteCommand.of(ShellQuote.join(argv), stdin), (r, host) -> {
            if (!r.ok()) {
                throw new ModuleFailure((r.stderr() + r.stdout()).strip(), Results.of("rc", r.exitCode(),
                        "name", name));
            }
            return Map.of();
        });
        return reread ? change.then(RemoteCommand.of(UserFacts.script(name)),
                (r, host) -> accountFields(UserFacts.read(r, host))) : change;
    }

    private static Map<String, Object> accountFields(UserFacts facts) {
        UserFacts.Account a = facts.account();
        return a == null ? Map.of() : Results.of("uid", a.uid(), "group", a.gid(), "home", a.home(),
                "shell", a.shell(), "comment", a.comment());
    }
}
