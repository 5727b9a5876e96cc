package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Digests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Facts about one path for register, the fields Ansible's stat returns ({@code stat.exists}, ...). Never changes anything. */
public final class StatModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("path", Type.PATH).aliases("dest", "name")
            .arg("follow", Type.BOOL, false)
            .arg("get_checksum", Type.BOOL, true)
            .arg("get_md5", Type.BOOL, false)
            .arg("get_mime", Type.BOOL, true).aliases("mime", "mime_type", "mime-type")
            .arg("get_attributes", Type.BOOL, true).aliases("attr", "attributes")
            .choice("checksum_algorithm", "sha1", "md5", "sha1", "sha224", "sha256", "sha384", "sha512")
            .aliases("checksum", "checksum_algo");

    /** Larger files are digested on the host (reading them would cost more than the secret check is worth). */
    static final long READ_LIMIT = 1 << 20;

    /* lsattr's letters, named as Ansible's FILE_ATTRIBUTES */
    private static final Map<Character, String> ATTRIBUTES = Map.ofEntries(
            Map.entry('A', "noatime"), Map.entry('a', "append"), Map.entry('c', "compressed"),
            Map.entry('C', "nocow"), Map.entry('d', "nodump"), Map.entry('D', "dirsync"),
            Map.entry('e', "extents"), Map.entry('E', "encrypted"), Map.entry('h', "blocksize"),
            Map.entry('i', "immutable"), Map.entry('I', "indexed"), Map.entry('j', "journalled"),
            Map.entry('N', "inline"), Map.entry('s', "zero"), Map.entry('S', "synchronous"),
            Map.entry('t', "notail"), Map.entry('T', "blockroot"), Map.entry('u', "undelete"),
            Map.entry('X', "compressedraw"), Map.entry('Z', "compresseddirty"));

    @Override
    public String name() {
        return "stat";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String path = args.str("path");
        Map<String, Object> stat = StatFacts.read(host, path, args.bool("follow", false));
        if (stat == null) {
            return Plan.unchanged(Map.of("stat", Map.of("exists", false)));
        }
        boolean md5 = args.bool("get_md5", false);
        boolean sum = args.bool("get_checksum", true);
        if ((boolean) stat.get("isreg") && (boolean) stat.get("readable") && (md5 || sum)) {
            byte[] content = readSmall(host, path, stat, ctx);
            if (md5) {
                stat.put("md5", content != null ? Digests.of("md5", content) : checksum(host, path, "md5"));
            }
            if (sum) {
                String algorithm = args.str("checksum_algorithm");
                stat.put("checksum", content != null ? Digests.of(algorithm, content) : checksum(host, path, algorithm));
            }
        }
        if (args.bool("get_mime", true)) {
            mime(host, path, stat);
        }
        if (args.bool("get_attributes", true)) {
            attributes(host, path, stat);
        }
        return Plan.unchanged(Map.of("stat", stat));
    }

    /**
     * A file up to READ_LIMIT is read and its digests computed here: content that carries a secret
     * (an authkeys no task of this run wrote) is then recognised and its checksum masked in the
     * output. Null for a larger file: the host computes its digests.
     */
    static byte[] readSmall(RemoteHost host, String path, Map<String, Object> stat, ModuleContext ctx) {
        if (!(stat.get("size") instanceof Number size) || size.longValue() > READ_LIMIT) {
            return null;
        }
        byte[] content = host.readFile(path).orElse(null);
        if (content != null) {
            ctx.fileContent(content);
        }
        return content;
    }

    private static String checksum(RemoteHost host, String path, String algorithm) {
        ExecResult r = host.run(algorithm + "sum -- " + ShellQuote.quote(path));
        if (!r.ok()) {
            throw new ModuleFailure("cannot compute the " + algorithm + " checksum of " + path + " on "
                    + host.hostName() + ": " + r.stderr().strip());
        }
        return r.stdout().split("\\s+", 2)[0].replace("\\", "");
    }

    /* Like Ansible: `file --mime-type --mime-encoding`, "unknown" when the host has no file(1). */
    private static void mime(RemoteHost host, String path, Map<String, Object> stat) {
        stat.put("mimetype", "unknown");
        stat.put("charset", "unknown");
        ExecResult r = host.run("command -v file >/dev/null && file --mime-type --mime-encoding "
                + ShellQuote.quote(path));
        String out = r.stdout().strip();
        int colon = out.lastIndexOf(':');
        if (r.ok() && colon >= 0 && out.indexOf(';', colon) > 0 && out.contains("=")) {
            String[] parts = out.substring(colon + 1).split(";", 2);
            stat.put("mimetype", parts[0].strip());
            stat.put("charset", parts[1].split("=", 2)[1].strip());
        }
    }

    /* Like Ansible: lsattr -vd; version null and no attributes where the filesystem has none (overlayfs). */
    private static void attributes(RemoteHost host, String path, Map<String, Object> stat) {
        stat.put("version", null);
        stat.put("attributes", List.of());
        stat.put("attr_flags", "");
        ExecResult r = host.run("lsattr -vd -- " + ShellQuote.quote(path) + " 2>/dev/null");
        String[] res = r.stdout().strip().split("\\s+");
        if (!r.ok() || res.length < 2) {
            return;
        }
        String flags = res[1].replace("-", "").strip();
        List<String> names = new ArrayList<>();
        for (char c : flags.toCharArray()) {
            names.add(ATTRIBUTES.getOrDefault(c, String.valueOf(c)));
        }
        stat.put("version", res[0].strip());
        stat.put("attr_flags", flags);
        stat.put("attributes", names);
    }
}
