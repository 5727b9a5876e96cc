package io.lvsplay.engine.template.lookup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lookups that read the controller: file, fileglob, lines, pipe. */
final class FileLookups {
    private FileLookups() {
    }

    /**
     * Ansible's find_file_in_search_path: an absolute path as is; else, for each entry of the
     * search path, "SUBDIR/NAME", then "NAME", then "tasks/NAME"; last the current directory.
     */
    static Optional<Path> find(LookupContext context, String subdir, String name) {
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.exists(given) ? Optional.of(given) : Optional.empty();
        }
        List<Path> bases = new ArrayList<>(context.searchPath());
        bases.add(Path.of(System.getProperty("user.dir")));
        for (Path base : bases) {
            for (Path candidate : List.of(base.resolve(subdir).resolve(name), base.resolve(name),
                    base.resolve("tasks").resolve(name))) {
                if (Files.exists(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    static List<Object> file(List<Object> terms, Map<String, Object> options, LookupContext context) {
        boolean lstrip = isTrue(options.getOrDefault("lstrip", false));
        boolean rstrip = isTrue(options.getOrDefault("rstrip", true));
        List<Object> contents = new ArrayList<>();
        for (Object term : terms) {
            String name = context.str(term);
            Path path = find(context, "files", name).filter(Files::isRegularFile)
                    .orElseThrow(() -> new LookupFailure("could not locate file in lookup: " + name));
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new LookupFailure("could not read file in lookup: " + name + ": " + e.getMessage());
            }
            contents.add(strip(text, lstrip, rstrip));
        }
        return contents;
    }

    /**
     * fileglob, as Ansible's plugin: a pattern with a directory globs in that directory found on the
     * search path ({@link #find}); a bare pattern tries each search path entry's files/, then the
     * entry itself. Each pattern gives the files of the first directory where it matches.
     */
    static List<Object> fileglob(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> files = new ArrayList<>();
        for (Object term : terms) {
            Path pattern = Path.of(context.str(term));
            List<Path> dirs = new ArrayList<>();
            if (pattern.getParent() != null) {
                find(context, "files", pattern.getParent().toString()).ifPresent(dirs::add);
            } else {
                List<Path> bases = context.searchPath().isEmpty()
                        ? List.of(Path.of(System.getProperty("user.dir"))) : context.searchPath();
                for (Path base : bases) {
                    dirs.add(base.resolve("files"));
                    dirs.add(base);
                }
            }
            for (Path dir : dirs) {
                List<String> matched = glob(dir, pattern.getFileName().toString());
                if (!matched.isEmpty()) {
                    files.addAll(matched);
                    break;
                }
            }
        }
        return files;
    }

    /** The regular files in dir matching a glob; as Python's glob, * and ? do not match a leading dot. */
    private static List<String> glob(Path dir, String pattern) {
        List<String> matched = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return matched;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, pattern)) {
            stream.forEach(f -> {
                boolean hidden = f.getFileName().toString().startsWith(".") && !pattern.startsWith(".");
                if (Files.isRegularFile(f) && !hidden) {
                    matched.add(f.toString());
                }
            });
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        matched.sort(null);
        return matched;
    }

    /** lines: each term run with /bin/sh, its output's lines. */
    static List<Object> lines(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> lines = new ArrayList<>();
        for (Object term : terms) {
            String output = run(context, context.str(term), "lines");
            lines.addAll(output.lines().toList());
        }
        return lines;
    }

    /** pipe: each term run with /bin/sh, its output less trailing whitespace. */
    static List<Object> pipe(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> outputs = new ArrayList<>();
        for (Object term : terms) {
            outputs.add(strip(run(context, context.str(term), "pipe"), false, true));
        }
        return outputs;
    }

    /** Runs a command in the playbook's directory; renders are serialized, so keep it short. */
    private static String run(LookupContext context, String command, String plugin) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        context.variable("playbook_dir").map(context::str).map(File::new).filter(File::isDirectory)
                .ifPresent(builder::directory);
        try {
            Process process = builder.start();
            byte[] stdout = process.getInputStream().readAllBytes();
            int code = process.waitFor();
            if (code != 0) {
                throw new LookupFailure("lookup_plugin." + plugin + "(" + command + ") returned " + code);
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LookupFailure("lookup_plugin." + plugin + "(" + command + ") failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailure("lookup_plugin." + plugin + "(" + command + ") was interrupted");
        }
    }

    static String strip(String text, boolean left, boolean right) {
        String out = right ? text.stripTrailing() : text;
        return left ? out.stripLeading() : out;
    }

    static boolean isTrue(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).toLowerCase();
        return text.equals("yes") || text.equals("true") || text.equals("1") || text.equals("on") || text.equals("y");
    }
}
