package io.lvsplay.engine.inventory;

import io.lvsplay.engine.vault.VaultError;
import io.lvsplay.engine.vault.VaultYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds an {@link Inventory} from Ansible inventory sources (what {@code -i} accepts): INI or
 * YAML files, directories of them, and comma-separated host lists.
 */
public final class InventoryLoader {
    /** Files Ansible skips in an inventory directory (INVENTORY_IGNORE_EXTS and its always-ignored names). */
    private static final List<String> IGNORED_SUFFIXES = List.of(
            ".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg", ".retry");
    private static final Set<String> IGNORED_NAMES = Set.of("group_vars", "host_vars", "vars_plugins");
    private static final Pattern YAML_FIRST_LINE = Pattern.compile("^(?:---.*|[^\\s\\[#;=]+:\\s*(?:#.*)?|\\{.*)$");

    private InventoryLoader() {
    }

    /**
     * Loads and merges the sources in order. With no sources the inventory is empty and only
     * the implicit localhost can be targeted, as in Ansible.
     *
     * @param sources INI or YAML file paths, directories, or host lists such as "h1,h2," / "h1,"
     * @throws InventoryError with file and line when a source cannot be read or parsed
     */
    public static Inventory load(List<String> sources) {
        InventoryModel model = new InventoryModel();
        Set<Path> varsDirs = new LinkedHashSet<>();
        int parsed = 0;
        for (String source : sources) {
            Path path = Path.of(source);
            if (Files.isDirectory(path)) {
                loadDirectory(model, path);
                varsDirs.add(path);
            } else if (source.equals("/dev/null")) {
                parsed++; // an empty inventory, as ansible-test passes it
                continue;
            } else if (Files.isRegularFile(path) && InventoryScript.isScript(path)) {
                InventoryScript.load(model, path);
                varsDirs.add(path.toAbsolutePath().getParent());
            } else if (Files.isRegularFile(path)) {
                loadFile(model, path);
                varsDirs.add(path.toAbsolutePath().getParent());
            } else if (source.contains(",")) {
                loadHostList(model, source);
            } else {
                // Ansible warns and goes on with the other sources; a single host needs a trailing comma
                model.warnings.add("Unable to parse " + path.toAbsolutePath() + " as an inventory source"
                        + " (no such file or directory; a single host is written '" + source + ",')");
                continue;
            }
            parsed++;
        }
        if (parsed == 0 && !sources.isEmpty()) {
            model.warnings.add("No inventory was parsed, only implicit localhost is available");
        }
        model.reconcile();
        return new Inventory(model, new ArrayList<>(varsDirs));
    }

    /** Every file and subdirectory, in name order, except hidden, vars and ignored ones. */
    private static void loadDirectory(InventoryModel model, Path dir) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(dir)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            throw new InventoryError(dir.toString(), 0, "cannot list inventory directory: " + e.getMessage() + " — check its permissions");
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || IGNORED_NAMES.contains(name) || IGNORED_SUFFIXES.stream().anyMatch(name::endsWith)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                loadDirectory(model, entry);
            } else {
                loadFile(model, entry);
            }
        }
    }

    private static void loadFile(InventoryModel model, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InventoryError(file.toString(), 0, "cannot read inventory file: " + e.getMessage() + " — check that it is readable UTF-8 text");
        }
        try {
            text = VaultYaml.openIfVaulted(text);
        } catch (VaultError e) {
            throw new InventoryError(file.toString(), 1, e.getMessage());
        }
        if (isYaml(file, text)) {
            YamlInventoryParser.parse(model, file.toString(), text);
        } else {
            IniInventoryParser.parse(model, file.toString(), text);
        }
    }

    /** By extension, else by content: YAML inventories start with a mapping key such as "all:". */
    static boolean isYaml(Path file, String text) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
            return true;
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith(";"))
                .findFirst()
                .map(line -> YAML_FIRST_LINE.matcher(line).matches())
                .orElse(false);
    }

    /** "h1,h2:2222," and "web[1:3],db," as the host_list and advanced_host_list plugins read them: ungrouped hosts. */
    private static void loadHostList(InventoryModel model, String list) {
        for (String entry : list.split(",")) {
            String host = entry.strip();
            if (host.isEmpty()) {
                continue;
            }
            HostDefinition definition;
            try {
                definition = HostDefinition.parse(host);
            } catch (IllegalArgumentException e) {
                throw new InventoryError(list, 0, e.getMessage());
            }
            for (String name : definition.names()) {
                if (!model.hosts.containsKey(name)) {
                    model.addHost(name, InventoryModel.UNGROUPED, definition.port());
                }
            }
        }
    }
}
