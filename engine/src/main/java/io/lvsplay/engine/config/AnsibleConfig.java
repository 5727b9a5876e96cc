package io.lvsplay.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ansible.cfg and the ANSIBLE_* variables, read once per run. The file is the first of $ANSIBLE_CONFIG,
 * ./ansible.cfg (skipped in a world-writable directory, as Ansible does), ~/.ansible.cfg and
 * /etc/ansible/ansible.cfg; a variable overrides the file. Relative paths in the file are relative to it.
 */
public final class AnsibleConfig {
    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f");

    private final Path file;
    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);
    private final List<String> warnings = new ArrayList<>();

    /** A value with where it came from ("ansible.cfg:4" or "ANSIBLE_FORKS") and the base for relative paths. */
    public record Value(String text, String origin, Path baseDir) {
    }

    private AnsibleConfig(Path file) {
        this.file = file;
    }

    public static AnsibleConfig load(Map<String, String> env, Path cwd, Path home) {
        List<String> warnings = new ArrayList<>();
        Path file = find(env, cwd, home, warnings);
        AnsibleConfig config = new AnsibleConfig(file);
        config.warnings.addAll(warnings);
        if (file != null) {
            ConfigFileParser.parse(file).forEach(entry -> config.accept(entry, file));
        }
        for (Setting s : Setting.values()) {
            String value = env.get(s.envName());
            if (value != null) {
                config.values.put(s, new Value(value, s.envName(), cwd));
            }
        }
        return config;
    }

    private static Path find(Map<String, String> env, Path cwd, Path home, List<String> warnings) {
        String named = env.get("ANSIBLE_CONFIG");
        if (named != null && !named.isBlank()) {
            Path p = cwd.resolve(named.startsWith("~/") ? home + named.substring(1) : named);
            p = Files.isDirectory(p) ? p.resolve("ansible.cfg") : p;
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        Path local = cwd.resolve("ansible.cfg");
        if (Files.isRegularFile(local)) {
            if (!worldWritable(cwd)) {
                return local;
            }
            warnings.add("Ansible is being run in a world writable directory (" + cwd
                    + "), ignoring it as an ansible.cfg source.");
        }
        for (Path p : List.of(home.resolve(".ansible.cfg"), Path.of("/etc/ansible/ansible.cfg"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void accept(ConfigFileParser.Entry entry, Path file) {
        String where = file + ":" + entry.line();
        Optional<Setting> setting = Setting.of(entry.section(), entry.key());
        if (setting.isPresent()) {
            values.put(setting.get(), new Value(entry.value(), where, file.getParent()));
        } else if (OpenSshOptions.covers(entry.section(), entry.key())) {
            warnings.add("[" + entry.section() + "] " + entry.key() + " (" + where + ") only tunes OpenSSH;"
                    + " lvsplay keeps one SSH connection per host itself, so it is not needed");
        } else {
            warnings.add("[" + entry.section() + "] " + entry.key() + " (" + where + ") is not supported by lvsplay;"
                    + " it has no effect");
        }
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** One line each, for the user: ignored ansible.cfg sources and options lvsplay does not use. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Optional<Value> value(Setting s) {
        return Optional.ofNullable(values.get(s));
    }

    public Optional<String> string(Setting s) {
        return value(s).map(Value::text).map(String::strip).filter(t -> !t.isEmpty());
    }

    public Optional<Boolean> bool(Setting s) {
        return value(s).map(v -> {
            String t = v.text().strip().toLowerCase(Locale.ROOT);
            if (TRUE.contains(t)) {
                return true;
            }
            if (FALSE.contains(t)) {
                return false;
            }
            throw new ConfigError(v.origin() + ": " + s.key() + " must be a boolean (true/false, yes/no), not '" + v.text() + "'");
        });
    }

    public Optional<Integer> integer(Setting s) {
        return value(s).map(v -> {
            try {
                return Integer.valueOf(v.text().strip());
            } catch (NumberFormatException e) {
                throw new ConfigError(v.origin() + ": " + s.key() + " must be a whole number, not '" + v.text() + "'");
            }
        });
    }

    public Optional<Path> path(Setting s) {
        return value(s).filter(v -> !v.text().isBlank()).map(v -> resolve(v, v.text().strip()));
    }

    /** A list of paths: comma-separated (inventory) or colon-separated (roles_path). */
    public List<Path> paths(Setting s, String separator) {
        return value(s).map(v -> Arrays.stream(v.text().split(separator)).map(String::strip)
                .filter(p -> !p.isEmpty()).map(p -> resolve(v, p)).toList()).orElse(List.of());
    }

    /** The raw list items (for inventory sources that may be host lists rather than paths). */
    public List<String> list(Setting s) {
        return value(s).map(v -> Arrays.stream(v.text().split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Path resolve(Value v, String p) {
        String expanded = p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
        return v.baseDir() == null ? Path.of(expanded) : v.baseDir().resolve(expanded).normalize();
    }
}
