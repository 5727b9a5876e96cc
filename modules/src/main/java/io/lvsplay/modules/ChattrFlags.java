package io.lvsplay.modules;

import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.util.Map;
import java.util.Optional;

/**
 * The file module's {@code attributes} (chattr flags), as Ansible's set_attributes_if_different:
 * "+A" adds, "-A" removes (always a change: Ansible does not look first), "A" or "=A" sets exactly;
 * the current flags are lsattr's with the dashes removed, "" when lsattr cannot read them.
 */
final class ChattrFlags {
    private ChattrFlags() {
    }

    /** The chattr needed on {@code path}, recorded in {@code diff} as Ansible does; empty when none. */
    static Optional<Change> plan(RemoteHost host, String path, boolean exists, String attributes,
                                 Map<String, Object> diff) {
        if (attributes == null) {
            return Optional.empty();
        }
        String mod = "=";
        String flags = attributes;
        if (flags.startsWith("-") || flags.startsWith("+")) {
            mod = flags.substring(0, 1);
            flags = flags.substring(1);
        }
        String existing = exists ? current(host, path) : "";
        if (existing.equals(flags) && !mod.equals("-")) {
            return Optional.empty();
        }
        if (diff != null) {
            ResultDiff.side(diff, "before").put("attributes", existing);
            ResultDiff.side(diff, "after").put("attributes", mod + flags);
        }
        String command = "chattr " + ShellQuote.quote(mod + flags) + " -- " + ShellQuote.quote(path);
        return Optional.of(Change.named("set chattr flags " + mod + flags + " on " + path, null)
                .then(RemoteCommand.of(command), (r, h) -> {
                    // Ansible fails on any stderr too, not only on a non-zero exit
                    if (!r.ok() || !r.stderr().isEmpty()) {
                        throw new ModuleFailure("chattr failed", Results.of("path", path,
                                "details", "Error while setting attributes: " + r.stdout() + r.stderr()));
                    }
                    return Map.of();
                }));
    }

    /* lsattr -d prints "----A---e---- PATH": the flags are the letters of the first word. */
    private static String current(RemoteHost host, String path) {
        ExecResult r = host.run("lsattr -d -- " + ShellQuote.quote(path) + " 2>/dev/null");
        if (!r.ok() || r.stdout().isBlank()) {
            return "";
        }
        return r.stdout().strip().split("\\s+")[0].replace("-", "");
    }
}
