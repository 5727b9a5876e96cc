package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about one path for register: {@code stat.exists}, {@code stat.isdir}, ... Never changes anything. */
public final class StatModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("path", Type.PATH).alias("dest", "path").alias("name", "path")
            .arg("get_checksum", Type.BOOL, true)
            .choice("checksum_algorithm", "sha1", "sha1", "sha256", "md5")
            .alias("checksum", "checksum_algorithm").alias("checksum_algo", "checksum_algorithm")
            .arg("follow", Type.BOOL, false);

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
        FileStat stat = host.stat(path);
        if (stat.isLink() && args.bool("follow", false)) {
            FileStat target = host.stat(resolve(path, stat.linkTarget()));
            stat = new FileStat(path, target.type(), target.mode(), target.owner(), target.group(), target.size(), null);
        }
        if (!stat.exists()) {
            return Plan.unchanged(Map.of("stat", Map.of("exists", false)));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("exists", true);
        facts.put("path", path);
        facts.put("isdir", stat.isDirectory());
        facts.put("isreg", stat.isFile());
        facts.put("islnk", stat.isLink());
        facts.put("mode", stat.mode());
        facts.put("pw_name", stat.owner());
        facts.put("gr_name", stat.group());
        facts.put("size", stat.size());
        if (stat.isLink()) {
            facts.put("lnk_target", stat.linkTarget());
            facts.put("lnk_source", resolve(path, stat.linkTarget()));
        }
        if (stat.isFile() && args.bool("get_checksum", true)) {
            facts.put("checksum", checksum(host, path, args.str("checksum_algorithm")));
        }
        return Plan.unchanged(Map.of("stat", facts));
    }

    private static String resolve(String path, String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + target;
    }

    private static String checksum(RemoteHost host, String path, String algorithm) {
        ExecResult r = host.run(algorithm + "sum -- " + ShellQuote.quote(path));
        if (!r.ok()) {
            throw new ModuleFailure("cannot compute the " + algorithm + " checksum of " + path + " on "
                    + host.hostName() + ": " + r.stderr().strip());
        }
        return r.stdout().split("\\s+", 2)[0].replace("\\", "");
    }
}
