package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** generate_ssh_key of the user module: a key pair in the user's home, made once, reported as Ansible does. */
final class UserSshKey {
    private UserSshKey() {
    }

    static Plan plan(ModuleArgs args, RemoteHost host, UserFacts facts, Plan accountPlan, String hostName) {
        String name = args.str("name");
        String home = facts.exists() ? facts.account().home() : args.str("home", "/home/" + name);
        String file = args.str("ssh_key_file", ".ssh/id_" + args.str("ssh_key_type"));
        String path = file.startsWith("/") ? file : home + "/" + file;
        if (facts.exists() && host.stat(path).exists()) {
            return accountPlan.withResult(describe(host, path));
        }
        List<Change> changes = new ArrayList<>(accountPlan.changes());
        String q = ShellQuote.quote(path);
        changes.add(Change.named("generate the ssh key " + path + " of user " + name)
                .then(generate(args, name, path), (r, h) -> {
                    if (!r.ok()) {
                        throw new ModuleFailure("Failed to generate the ssh key " + path + ": "
                                + (r.stderr() + r.stdout()).strip());
                    }
                    return Map.of();
                })
                .then(RemoteCommand.of(FINGERPRINT + q), (r, h) -> Map.of("ssh_fingerprint", r.stdout().strip()))
                .then(RemoteCommand.of(PUBLIC_KEY + q + ".pub"), (r, h) -> Map.of("ssh_key_file", path,
                        "ssh_public_key", r.stdout().strip())));
        return Plan.changes(changes, accountPlan.result()).withResult(Map.of("ssh_key_file", path));
    }

    private static final String FINGERPRINT = "ssh-keygen -l -f ";
    private static final String PUBLIC_KEY = "cat -- ";

    private static RemoteCommand generate(ModuleArgs args, String name, String path) {
        List<String> keygen = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", args.str("ssh_key_type")));
        if (args.has("ssh_key_bits")) {
            keygen.addAll(List.of("-b", args.str("ssh_key_bits")));
        }
        String dir = path.substring(0, path.lastIndexOf('/'));
        String comment = args.has("ssh_key_comment") ? ShellQuote.quote(args.str("ssh_key_comment"))
                : "\"ansible-generated on $(hostname)\"";
        String u = ShellQuote.quote(name);
        // the passphrase goes on stdin to a shell read, not into the command line lvsplay shows
        String script = "IFS= read -r pass; d=" + ShellQuote.quote(dir) + "; "
                + "if [ ! -d \"$d\" ]; then mkdir -p -m 0700 -- \"$d\" && chown " + u + ": -- \"$d\" || exit 1; fi; "
                + ShellQuote.join(keygen) + " -C " + comment + " -N \"$pass\" -f " + ShellQuote.quote(path)
                + " </dev/null && chown " + u + ": -- " + ShellQuote.quote(path) + " " + ShellQuote.quote(path + ".pub");
        return RemoteCommand.of(script, (args.str("ssh_key_passphrase", "") + "\n").getBytes());
    }

    private static Map<String, Object> describe(RemoteHost host, String path) {
        String q = ShellQuote.quote(path);
        ExecResult fp = host.run(FINGERPRINT + q);
        ExecResult pub = host.run(PUBLIC_KEY + q + ".pub");
        return Results.of("ssh_fingerprint", fp.stdout().strip(), "ssh_key_file", path,
                "ssh_public_key", pub.stdout().strip());
    }
}
