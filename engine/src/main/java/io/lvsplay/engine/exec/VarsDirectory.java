package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ModuleFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * {@code include_vars: dir=...}: the files of a folder tree in Ansible's order (folders sorted by
 * path, files by name), filtered by {@code files_matching}, {@code ignore_files}, {@code extensions}.
 */
final class VarsDirectory {
    private static final List<String> DEFAULT_EXTENSIONS = List.of("yaml", "yml", "json");

    private final int depth;
    private final Pattern matching;
    private final List<String> ignoreFiles;
    private final List<String> extensions;
    private final boolean ignoreUnknownExtensions;
    private final IncludeVarsModule.VarsFileLoader loader;

    VarsDirectory(Map<String, Object> args, IncludeVarsModule.VarsFileLoader loader) {
        this.loader = loader;
        this.depth = args.get("depth") == null ? 0 : Integer.parseInt(String.valueOf(args.get("depth")).trim());
        String match = IncludeVarsModule.text(args.get("files_matching"));
        this.matching = match == null ? null : compile(match);
        this.ignoreFiles = ignoreList(args.get("ignore_files"));
        this.extensions = extensionList(args.get("extensions"));
        this.ignoreUnknownExtensions = Boolean.TRUE.equals(io.lvsplay.engine.module.ModuleArgs.toBool(
                args.getOrDefault("ignore_unknown_extensions", false)));
    }

    /** Loads the folder's files into {@code into}; returns an error message or null. */
    String load(Path root, Map<String, Object> into) {
        if (!Files.exists(root)) {
            return root + " directory does not exist";
        }
        if (!Files.isDirectory(root)) {
            return root + " is not a directory";
        }
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = new ArrayList<>(walk.filter(Files::isDirectory).toList());
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + root + ": " + e.getMessage());
        }
        folders.sort((a, b) -> a.toString().compareTo(b.toString()));
        // Ansible counts the folders it visits in sorted order, not their nesting, against depth
        if (depth > 0 && folders.size() > depth) {
            folders = folders.subList(0, depth);
        }
        for (Path folder : folders) {
            String error = loadFolder(folder, into);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private String loadFolder(Path folder, Map<String, Object> into) {
        List<String> names;
        try (Stream<Path> list = Files.list(folder)) {
            names = list.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ModuleFailure("cannot read " + folder + ": " + e.getMessage());
        }
        for (String name : names) {
            if (matching != null && !matching.matcher(name).find()) {
                continue;
            }
            if (ignored(name) || ignoreUnknownExtensions && !hasValidExtension(name, extensions)) {
                continue;
            }
            String error = loader.load(folder.resolve(name), true, extensions, into);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private boolean ignored(String name) {
        for (String pattern : ignoreFiles) {
            if (compile(pattern + "$").matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    /** Python's os.path.splitext: a leading dot does not start an extension. */
    static boolean hasValidExtension(String name, List<String> extensions) {
        String stem = name.replaceFirst("^\\.+", "");
        int dot = stem.lastIndexOf('.');
        return extensions.contains(dot < 0 ? "" : stem.substring(dot + 1));
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ModuleFailure("Invalid regular expression: " + regex);
        }
    }

    private static List<String> ignoreList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map<?, ?>) {
            throw new ModuleFailure(value + " must be a list");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).trim().split("\\s+"));
    }

    private static List<String> extensionList(Object value) {
        if (value == null) {
            return DEFAULT_EXTENSIONS;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v == null ? "" : String.valueOf(v)).toList();
        }
        if (value instanceof String s) {
            // Ansible turns a string into its characters (list('yml'))
            return s.chars().mapToObj(c -> String.valueOf((char) c)).toList();
        }
        throw new ModuleFailure("Invalid type for \"extensions\" option, it must be a list");
    }
}
