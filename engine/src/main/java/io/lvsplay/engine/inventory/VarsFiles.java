package io.lvsplay.engine.inventory;

import io.lvsplay.engine.vault.VaultError;
import io.lvsplay.engine.vault.VaultYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code group_vars/} and {@code host_vars/} of one directory (beside an inventory, or
 * beside a playbook), read the way Ansible's host_group_vars plugin reads them.
 *
 * @param dir        the directory holding group_vars/ and host_vars/
 * @param groupVars  group name -> vars, only for groups that have a file
 * @param hostVars   host name -> vars, only for hosts that have a file
 * @param origins    "group_vars/NAME" or "host_vars/NAME" -> var -> the file that sets it (the last one read)
 */
record VarsFiles(Path dir, Map<String, Map<String, Object>> groupVars, Map<String, Map<String, Object>> hostVars,
                 Map<String, Map<String, String>> origins) {

    /** Ansible tries the bare name first (so a directory wins), then these extensions, and uses the first that exists. */
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    static VarsFiles read(Path dir, Collection<String> groupNames, Collection<String> hostNames) {
        Map<String, Map<String, String>> origins = new LinkedHashMap<>();
        return new VarsFiles(dir, readAll(dir.resolve("group_vars"), groupNames, origins),
                readAll(dir.resolve("host_vars"), hostNames, origins), origins);
    }

    Map<String, String> originsOfGroup(String group) {
        return origins.getOrDefault("group_vars/" + group, Map.of());
    }

    Map<String, String> originsOfHost(String host) {
        return origins.getOrDefault("host_vars/" + host, Map.of());
    }

    Map<String, Object> ofGroup(String group) {
        return groupVars.getOrDefault(group, Map.of());
    }

    Map<String, Object> ofHost(String host) {
        return hostVars.getOrDefault(host, Map.of());
    }

    private static Map<String, Map<String, Object>> readAll(Path varsDir, Collection<String> names,
                                                            Map<String, Map<String, String>> origins) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (!Files.isDirectory(varsDir)) {
            return result;
        }
        for (String name : names) {
            Map<String, Object> vars = new LinkedHashMap<>();
            for (Path file : filesFor(varsDir, name)) {
                Map<String, Object> read = readMapping(file);
                vars.putAll(read);
                Map<String, String> from = origins.computeIfAbsent(varsDir.getFileName() + "/" + name, k -> new LinkedHashMap<>());
                read.keySet().forEach(key -> from.put(key, file.toString()));
            }
            if (!vars.isEmpty()) {
                result.put(name, vars);
            }
        }
        return result;
    }

    private static List<Path> filesFor(Path varsDir, String name) {
        if (name.contains("/") || name.contains("\\")) {
            return List.of();
        }
        for (String extension : EXTENSIONS) {
            Path candidate = varsDir.resolve(name + extension);
            if (Files.isDirectory(candidate)) {
                return filesIn(candidate);
            }
            if (Files.isRegularFile(candidate)) {
                return List.of(candidate);
            }
        }
        return List.of();
    }

    /** Files of a group_vars/NAME/ directory in name order, recursing, skipping hidden and backup files. */
    private static List<Path> filesIn(Path dir) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                if (name.startsWith(".") || name.endsWith("~")) {
                    continue;
                }
                if (Files.isDirectory(entry) && extension.isEmpty()) {
                    files.addAll(filesIn(entry));
                } else if (Files.isRegularFile(entry) && EXTENSIONS.contains(extension)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new InventoryError(dir.toString(), 0, "cannot list vars directory: " + e.getMessage() + " — check its permissions");
        }
        return files;
    }

    /** A vars file must hold a mapping; an empty file holds no vars. */
    static Map<String, Object> readMapping(Path file) {
        Object data = readYaml(file);
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw new InventoryError(file.toString(), 1, "vars file must contain a mapping of variable names to values, found "
                    + data.getClass().getSimpleName() + " — write it as 'name: value' lines");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        map.forEach((key, value) -> vars.put(String.valueOf(key), value));
        return vars;
    }

    static Object readYaml(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InventoryError(file.toString(), 0, "cannot read file: " + e.getMessage() + " — check that it exists and is readable");
        }
        try {
            return VaultYaml.load(text);
        } catch (VaultError e) {
            throw new InventoryError(file.toString(), e.line(), e.getMessage());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new InventoryError(file.toString(), line, "invalid YAML: " + e.getProblem() + " — fix the syntax at this line");
        } catch (YAMLException e) {
            throw new InventoryError(file.toString(), 0, "invalid YAML: " + e.getMessage() + " — fix the file's syntax");
        }
    }
}
