package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.template.PythonRegex;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's find: files under paths filtered by name patterns (globs, or Python regexps with
 * use_regex), excludes, type, age, size, hidden and depth, listed by one `find -printf` per path
 * with the stat fields Ansible returns. Reads only.
 */
public final class FindModule implements Module {
    private static final String FORMAT = "%y\\0%s\\0%T@\\0%A@\\0%C@\\0%m\\0%U\\0%G\\0%u\\0%g\\0%n\\0%i\\0%D\\0%p\\0";
    private static final int FIELDS = 14;
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("paths", Type.LIST).elements(Type.STR).aliases("name", "path")
            .arg("patterns", Type.LIST).elements(Type.STR).aliases("pattern")
            .arg("excludes", Type.LIST).elements(Type.STR).aliases("exclude")
            .choice("file_type", "file", "any", "directory", "file", "link")
            .arg("age", Type.STR)
            .choice("age_stamp", "mtime", "atime", "ctime", "mtime")
            .arg("size", Type.STR)
            .arg("recurse", Type.BOOL, false)
            .arg("hidden", Type.BOOL, false)
            .arg("follow", Type.BOOL, false)
            .arg("get_checksum", Type.BOOL, false)
            .arg("use_regex", Type.BOOL, false)
            .arg("depth", Type.INT)
            .notSupportedBecause("contains", "filter the found files with a shell grep")
            .notSupported("read_whole_file");

    @Override
    public String name() {
        return "find";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        Long age = scaled(args.str("age"), "^(-?\\d+)(s|m|h|d|w)?$", Map.of("s", 1L, "m", 60L, "h", 3600L, "d", 86400L, "w", 604800L), "age");
        Long size = scaled(args.str("size"), "^(-?\\d+)(b|k|m|g|t)?$", Map.of("b", 1L, "k", 1024L, "m", 1L << 20, "g", 1L << 30, "t", 1L << 40), "size");
        Predicate<String> names = nameFilter(strings(args, "patterns"), strings(args, "excludes"), args.bool("use_regex", false));
        String type = args.str("file_type");
        int stamp = switch (args.str("age_stamp")) {
            case "atime" -> 3;
            case "ctime" -> 4;
            default -> 2;
        };
        int maxDepth = args.integer("depth", 0) > 0 ? args.integer("depth", 0) : args.bool("recurse", false) ? 0 : 1;
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        int examined = 0;
        double now = System.currentTimeMillis() / 1000.0;
        for (String path : strings(args, "paths")) {
            ExecResult r = ctx.host().run("LC_ALL=C find " + (args.bool("follow", false) ? "-L " : "") + ShellQuote.quote(path)
                    + " -mindepth 1" + (maxDepth > 0 ? " -maxdepth " + maxDepth : "") + " -printf '" + FORMAT + "'");
            if (!r.ok() && r.stdout().isEmpty()) {
                skipped.put(path, "'" + path + "' is not a directory");
                continue;
            }
            String[] f = r.stdout().split("\0", -1);
            for (int i = 0; i + FIELDS <= f.length; i += FIELDS) {
                examined++;
                String full = f[i + 13];
                String base = full.substring(full.lastIndexOf('/') + 1);
                if (base.startsWith(".") && !args.bool("hidden", false)) {
                    continue;
                }
                char kind = f[i].charAt(0);
                boolean wantedType = type.equals("any") || (type.equals("file") && kind == 'f')
                        || (type.equals("directory") && kind == 'd') || (type.equals("link") && kind == 'l');
                double t = Double.parseDouble(f[i + stamp]);
                boolean ageOk = age == null || (age >= 0 ? now - t >= age : now - t <= -age);
                long bytes = Long.parseLong(f[i + 1]);
                boolean sizeOk = size == null || kind != 'f' || (size >= 0 ? bytes >= size : bytes <= -size);
                if (wantedType && names.test(base) && ageOk && sizeOk) {
                    files.add(FoundFile.fields(f, i));
                }
            }
        }
        if (args.bool("get_checksum", false)) {
            FoundFile.addChecksums(ctx.host(), files);
        }
        return Plan.unchanged(Results.of("files", files, "matched", files.size(), "examined", examined,
                "msg", skipped.isEmpty() ? "All paths examined" : "Not all paths examined, check warnings for details",
                "skipped_paths", skipped));
    }

    private static Long scaled(String value, String regex, Map<String, Long> units, String arg) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile(regex).matcher(value.toLowerCase());
        if (!m.matches()) {
            throw new ModuleFailure("failed to process " + arg);
        }
        return Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : units.get(m.group(2)));
    }

    /* Ansible's pfilter: a name must match a pattern and no exclude; no patterns and no excludes take all. */
    static Predicate<String> nameFilter(List<String> patterns, List<String> excludes, boolean regex) {
        if (patterns.isEmpty() && excludes.isEmpty()) {
            return name -> true;
        }
        List<Predicate<String>> in = patterns.stream().map(p -> matcher(p, regex)).toList();
        List<Predicate<String>> out = excludes.stream().map(p -> matcher(p, regex)).toList();
        return name -> in.stream().anyMatch(p -> p.test(name)) && out.stream().noneMatch(p -> p.test(name));
    }

    private static Predicate<String> matcher(String pattern, boolean regex) {
        if (regex) {
            Pattern p = PythonRegex.compile(pattern, false, false);
            return name -> p.matcher(name).lookingAt();
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("\\", "\\\\").replace("{", "\\{"));
        return name -> glob.matches(Path.of(name));
    }

    private static List<String> strings(ModuleArgs args, String name) {
        return args.list(name).stream().map(String::valueOf).toList();
    }
}
