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
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.HostCommand;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible's known_hosts: the host's entries are found with the host's own {@code ssh-keygen -F}
 * (so hashed names and patterns match as ssh matches them), a key of the same type is replaced in
 * place of its line, a new one is appended; the new file is planned whole, so --diff shows it.
 */
public final class KnownHostsModule implements Module {
    private static final Pattern FOUND_LINE = Pattern.compile("found: line (\\d+)");
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("name", Type.STR).aliases("host")
            .arg("key", Type.STR)
            .arg("path", Type.PATH, "~/.ssh/known_hosts")
            .arg("hash_host", Type.BOOL, false)
            .choice("state", "present", "absent", "present");

    @Override
    public String name() {
        return "known_hosts";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String name = args.str("name").toLowerCase(java.util.Locale.ROOT);
        String key = args.str("key");
        boolean present = args.str("state").equals("present");
        String path = HomePath.expand(host, args.str("path"));
        if ((key == null || key.isEmpty()) && present) {
            throw new ModuleFailure("No key specified when adding a host");
        }
        key = key == null || key.isEmpty() ? null : key;
        if (key != null && args.bool("hash_host", false)) {
            key = hashed(name, key);
        }
        if (key != null && !key.endsWith("\n")) {
            key += "\n";
        }
        if (key != null) {
            sanityCheck(host, name, key);
        }
        Optional<byte[]> file = host.readFile(path);
        Search found = file.isEmpty() ? new Search(false, false, null) : search(host, name, key, path);
        String before = file.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        Map<String, Object> result = Results.of("name", args.str("name"), "key", args.str("key"), "path", path,
                "hash_host", args.bool("hash_host", false), "state", args.str("state"));
        if (!present && found.line() == null && key != null) {
            return Plan.unchanged(result);
        }
        if (found.found() && key == null && !present) {
            String remove = "ssh-keygen -R " + ShellQuote.quote(name) + " -f " + ShellQuote.quote(path);
            return Plan.changes(List.of(HostCommand.change("remove " + name + " from " + path, null, remove)), result);
        }
        if (!found.replace() && found.found() == present) {
            return Plan.unchanged(result);
        }
        List<String> lines = new ArrayList<>(List.of(before.split("(?<=\n)")));
        if (before.isEmpty()) {
            lines.clear();
        }
        if (found.line() != null && found.line() >= 1 && found.line() <= lines.size()) {
            lines.remove(found.line() - 1);
        }
        if (present) {
            lines.add(key);
        }
        String after = String.join("", lines);
        Change write = Change.named((present ? "add " : "remove ") + name + (present ? " to " : " from ") + path,
                        Diff.of(path, before, after))
                .then(new FileWrite(path, after.getBytes(StandardCharsets.UTF_8), null, null, null));
        return Plan.changes(List.of(write), result);
    }

    record Search(boolean found, boolean replace, Integer line) {}

    /* Ansible's search_for_host_key: ssh-keygen -F lists the host's entries, each after a "found: line N" comment. */
    static Search search(RemoteHost host, String name, String key, String path) {
        ExecResult r = host.run("ssh-keygen -F " + ShellQuote.quote(name) + " -f " + ShellQuote.quote(path));
        return interpret(r, key);
    }

    static Search interpret(ExecResult r, String key) {
        if (r.stdout().isEmpty() && r.stderr().isEmpty() && (r.exitCode() == 0 || r.exitCode() == 1)) {
            return new Search(false, false, null);
        }
        if (r.exitCode() != 0) {
            throw new ModuleFailure("ssh-keygen failed (rc=" + r.exitCode() + ", stdout='" + r.stdout() + "',stderr='" + r.stderr() + "')");
        }
        if (key == null) {
            return new Search(true, false, null);
        }
        String[] wanted = normalize(key);
        Integer line = null;
        for (String l : r.stdout().split("\n")) {
            if (l.isEmpty()) {
                continue;
            }
            if (l.charAt(0) == '#') {
                Matcher m = FOUND_LINE.matcher(l);
                if (m.find()) {
                    line = Integer.parseInt(m.group(1));
                }
                continue;
            }
            String[] have = normalize(l);
            if (wanted[1].startsWith("|1|") && have[1].startsWith("|1|")) {
                wanted[1] = have[1];
            }
            if (java.util.Arrays.equals(wanted, have)) {
                return new Search(true, false, line);
            }
            if (wanted[2].equals(have[2])) {
                return new Search(true, true, line);
            }
        }
        return new Search(true, true, null);
    }

    /* options (or ""), host, type, key: the comment at the end is left out, as Ansible's normalize does. */
    private static String[] normalize(String line) {
        String[] k = line.strip().split("\\s+");
        if (k[0].startsWith("@")) {
            return new String[] {k[0], k[1], k[2], k[3]};
        }
        return new String[] {"", k[0], k[1], k[2]};
    }

    /* The key must be one ssh-keygen finds under the name (a hashed key for another name fails). */
    private static void sanityCheck(RemoteHost host, String name, String key) {
        if (Pattern.compile("\\S+(\\s+)?,(\\s+)?").matcher(name).find()) {
            throw new ModuleFailure("Comma separated list of names is not supported. "
                    + "Please pass a single name to lookup in the known_hosts file.");
        }
        ExecResult r = host.run("ssh-keygen -F " + ShellQuote.quote(name) + " -f /dev/stdin", key.getBytes(StandardCharsets.UTF_8));
        if (r.exitCode() == 127) {
            throw new ModuleFailure("Failed to find required executable \"ssh-keygen\" in paths");
        }
        if (r.stdout().isEmpty()) {
            throw new ModuleFailure("Host parameter does not match hashed host field in supplied key");
        }
    }

    /* ssh's |1|salt|hmac-sha1(name) form, with a fresh salt as Ansible's hash_host_key. */
    static String hashed(String name, String key) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] digest = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            String[] parts = key.strip().split("\\s+");
            int i = parts[0].startsWith("@") ? 1 : 0;
            parts[i] = "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(digest);
            return String.join(" ", parts);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
