package io.lvsplay.engine.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The modules and action plugins a playbook or role brings along (library/NAME.py,
 * action_plugins/NAME.py next to the task file, its role or its playbook): Ansible would run that
 * Python; lvsplay cannot, and says so by name instead of "couldn't resolve module/action".
 */
final class LocalPlugins {
    private static final List<String> DIRS = List.of("library", "action_plugins");
    /** The task file's folder, its parent (a role's tasks/ → the role) and the one above. */
    private static final int LEVELS = 3;

    private LocalPlugins() {
    }

    /** The plugin file that defines {@code name} for a task in {@code taskFile}, if any. */
    static Optional<Path> find(Path taskFile, String name) {
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        Path dir = taskFile.toAbsolutePath().getParent();
        for (int level = 0; level < LEVELS && dir != null; level++, dir = dir.getParent()) {
            for (String sub : DIRS) {
                for (String file : List.of(shortName + ".py", shortName)) {
                    Path candidate = dir.resolve(sub).resolve(file);
                    if (Files.isRegularFile(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static String refusal(String name, Path plugin) {
        return "lvsplay does not support custom modules or action plugins: '" + name + "' is " + plugin
                + " (Python that Ansible would run); lvsplay runs only its own modules (`lvsplay modules` lists them)";
    }
}
