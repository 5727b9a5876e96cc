package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.playbook.FileSearch;
import io.lvsplay.engine.playbook.FreeFormArgs;
import io.lvsplay.engine.playbook.PlaybookError;
import io.lvsplay.engine.playbook.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code include_vars}: loads variables from a file or a folder of files on the controller, as
 * Ansible's action plugin does. The executor stores the result's {@code ansible_facts} as host
 * variables at include_vars precedence (trait {@link Trait#SETS_HOST_VARS}).
 */
public final class IncludeVarsModule implements Module {
    private static final List<String> DIR_ARGS = List.of("dir", "depth", "files_matching", "ignore_files",
            "extensions", "ignore_unknown_extensions");
    private static final List<String> FILE_ARGS = List.of("file", "_raw_params");
    private static final ArgSpec SPEC = ArgSpec.of().freeForm()
            .arg("file", Type.STR).arg("dir", Type.STR).arg("name", Type.STR).arg("depth", Type.INT)
            .arg("files_matching", Type.STR).arg("ignore_files", Type.RAW).arg("extensions", Type.RAW)
            .arg("ignore_unknown_extensions", Type.BOOL).arg("hash_behaviour", Type.STR);

    @Override
    public String name() {
        return "include_vars";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        return EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE, Trait.SETS_HOST_VARS);
    }

    @Override
    public Plan plan(ModuleArgs moduleArgs, ModuleContext ctx) {
        Map<String, Object> args = new LinkedHashMap<>(moduleArgs.all());
        splitKeyValues(args);
        boolean dirs = args.keySet().stream().anyMatch(DIR_ARGS::contains);
        boolean files = args.keySet().stream().anyMatch(FILE_ARGS::contains);
        if (dirs && files) {
            throw new ModuleFailure("You are mixing file only and dir only arguments, these are incompatible");
        }
        VarsFileLoader loader = new VarsFileLoader();
        Map<String, Object> results = new LinkedHashMap<>();
        String error = null;
        String dir = text(args.get("dir"));
        if (dir != null) {
            Path root = rootDir(dir, (ExecModuleContext) ctx);
            VarsDirectory folder = new VarsDirectory(args, loader);
            error = folder.load(root, results);
        } else {
            String file = text(args.get("file"));
            if (file == null) {
                file = text(args.get("_raw_params"));
                file = file == null ? null : file.stripTrailing();
            }
            if (file == null) {
                error = "Could not find file";
            } else {
                ExecModuleContext ectx = (ExecModuleContext) ctx;
                List<Path> searched = Path.of(file).isAbsolute() ? List.of(Path.of(file))
                        : FileSearch.candidates(ectx.role(), ectx.playbookDir(), ectx.taskDir(), file, "vars");
                Path found = searched.stream().filter(Files::isRegularFile).findFirst().orElse(null);
                error = found != null ? loader.load(found, false, List.of(), results)
                        : "Could not find or access '" + file + "'\nSearched in:\n\t"
                        + String.join("\n\t", searched.stream().map(Path::toString).toList())
                        + " on the Ansible Controller.";
            }
        }
        String name = text(args.get("name"));
        Map<String, Object> facts = results;
        if (name != null) {
            facts = new LinkedHashMap<>();
            facts.put(name, results);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (error == null && "merge".equals(args.get("hash_behaviour"))) {
            facts.replaceAll((key, value) -> VarsMerge.merge(ctx.vars().get(key), value));
        }
        result.put("ansible_included_var_files", loader.included());
        result.put("ansible_facts", error == null ? facts : Map.of());
        if (loader.vaulted()) {
            result.put("_ansible_no_log", true);
        }
        if (error != null) {
            result.put("message", error);
            throw new ModuleFailure(error, result);
        }
        return Plan.unchanged(result);
    }

    /** {@code include_vars: file=a.yml name=x}: Ansible splits every key=value off the free-form text. */
    private static void splitKeyValues(Map<String, Object> args) {
        if (args.get("_raw_params") instanceof String raw && raw.contains("=")) {
            try {
                Map<String, Object> parsed = FreeFormArgs.parse(raw, true, new ArrayList<>(SPEC.args().keySet()));
                args.remove("_raw_params");
                args.putAll(parsed);
            } catch (IllegalArgumentException e) {
                throw new ModuleFailure("include_vars: " + e.getMessage());
            }
        }
    }

    /** Ansible's _set_root_dir: a role's vars/ folder, else the folder of the task's file. */
    private static Path rootDir(String dir, ExecModuleContext ctx) {
        Path given = Path.of(dir);
        if (given.isAbsolute()) {
            return given;
        }
        Role role = ctx.role();
        if (role != null) {
            if (dir.split("/")[0].equals("vars")) {
                Path inRole = role.dir().resolve(dir);
                return Files.exists(inRole) ? inRole : given.toAbsolutePath();
            }
            return role.dir().resolve("vars").resolve(dir);
        }
        Path base = ctx.taskDir() != null ? ctx.taskDir() : ctx.playbookDir();
        return base.resolve(dir);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        return s.isEmpty() ? null : s;
    }

    /** Reads one vars file into the results, as Ansible's _load_files; returns an error or null. */
    static final class VarsFileLoader {
        private final List<String> included = new ArrayList<>();
        private boolean vaulted;

        String load(Path file, boolean validateExtension, List<String> extensions, Map<String, Object> into) {
            if (validateExtension && !VarsDirectory.hasValidExtension(file.getFileName().toString(), extensions)) {
                return file + " does not have a valid extension: " + String.join(", ", extensions);
            }
            Object data;
            try {
                vaulted |= io.lvsplay.engine.vault.VaultEnvelope.isVaulted(Files.readString(file));
                data = io.lvsplay.engine.playbook.YamlDocument.load(file).root();
            } catch (PlaybookError e) {
                throw new ModuleFailure(e.getMessage());
            } catch (java.io.IOException e) {
                throw new ModuleFailure("cannot read " + file + ": " + e.getMessage());
            }
            if (data == null || data instanceof String s && s.isEmpty()) {
                data = Map.of();
            }
            if (!(data instanceof Map<?, ?> map)) {
                return file + " must be stored as a dictionary/hash";
            }
            included.add(file.toString());
            map.forEach((k, v) -> into.put(String.valueOf(k), v));
            return null;
        }

        List<String> included() {
            return List.copyOf(included);
        }

        boolean vaulted() {
            return vaulted;
        }
    }
}
