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
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ansible.posix.authorized_key: keys present or absent in a user's authorized_keys (default
 * ~USER/.ssh/authorized_keys, the directory made 0700 with manage_dir), identified by their
 * blob; key_options and comment override the key's own; exclusive removes every other key.
 * The file is written 0600 owned by the user. Keys from URLs are refused.
 */
public final class AuthorizedKeyModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("user", Type.STR)
            .required("key", Type.STR)
            .arg("path", Type.PATH)
            .arg("manage_dir", Type.BOOL, true)
            .choice("state", "present", "present", "absent")
            .arg("key_options", Type.STR)
            .arg("exclusive", Type.BOOL, false)
            .arg("comment", Type.STR)
            .notSupported("follow", "validate_certs");

    @Override
    public String name() {
        return "authorized_key";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.authorized_key", "ansible.posix.authorized_key");
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String user = args.str("user");
        String keyText = args.str("key");
        if (keyText.strip().matches("(?s)^(https?|ftp)://.*")) {
            throw new ModuleFailure("lvsplay does not support a URL in key: fetch the keys first (uri or lookup)");
        }
        RemoteHost host = ctx.host();
        String passwd = host.run("getent passwd " + ShellQuote.quote(user)).stdout().strip();
        String[] pw = passwd.split(":", -1);
        if (pw.length < 7) {
            throw new ModuleFailure("Failed to lookup user " + user);
        }
        String path = args.has("path") ? args.str("path") : pw[5] + "/.ssh/authorized_keys";
        List<AuthorizedKeys.Key> wanted = new ArrayList<>();
        for (String line : keyText.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            AuthorizedKeys.Key k = AuthorizedKeys.parse(line);
            if (k == null) {
                throw new ModuleFailure("invalid key specified: " + line.strip());
            }
            wanted.add(new AuthorizedKeys.Key(args.has("key_options") ? args.str("key_options") : k.options(), k.type(),
                    k.blob(), args.has("comment") ? args.str("comment") : k.comment()));
        }
        ContentFiles.Current current = ContentFiles.read(host, path);
        AuthorizedKeys keys = new AuthorizedKeys(current.text());
        boolean present = args.str("state").equals("present");
        for (AuthorizedKeys.Key k : wanted) {
            if (present) {
                keys.put(k);
            } else {
                keys.remove(k.blob());
            }
        }
        if (present && args.bool("exclusive", false)) {
            keys.keepOnly(wanted.stream().map(AuthorizedKeys.Key::blob).toList());
        }
        String after = keys.render();
        List<Change> changes = new ArrayList<>();
        int slash = path.lastIndexOf('/');
        String dir = slash > 0 ? path.substring(0, slash) : "/";
        boolean writes = !after.equals(current.text()) || (!current.exists() && present);
        if (writes && args.bool("manage_dir", true) && !host.stat(dir).exists()) {
            String owner = ShellQuote.quote(pw[2] + ":" + pw[3]);
            changes.add(HostCommand.change("create " + dir, Diff.of(dir, "state: absent\n", "state: directory\n"),
                    "mkdir -m 0700 -p -- " + ShellQuote.quote(dir) + " && chown " + owner + " -- " + ShellQuote.quote(dir)));
        }
        if (writes || current.exists()) {
            String group = host.run("id -gn " + ShellQuote.quote(user)).stdout().strip();
            changes.addAll(ContentFiles.write(current, path, after, new ModuleArgs(Map.of("mode", "0600", "owner", user,
                    "group", group), ContentFiles.withFileArgs(ArgSpec.of())), false, null));
        }
        return Plan.changes(changes, Results.of("user", user, "key", keyText, "path", path, "state", args.str("state"),
                "exclusive", args.bool("exclusive", false), "manage_dir", args.bool("manage_dir", true),
                "key_options", args.str("key_options"), "comment", args.str("comment")));
    }
}
