package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Role;
import io.lvsplay.engine.playbook.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's role-name magic variables of a play: ansible_play_role_names (and the older role_names)
 * are the play's roles, ansible_dependent_role_names the roles their meta dependencies pull in (at
 * any depth), ansible_role_names both.
 */
final class RoleNames {
    private RoleNames() {}

    static Map<String, Object> of(Play play) {
        Set<String> playRoles = new LinkedHashSet<>();
        Set<String> dependencies = new LinkedHashSet<>();
        for (Role role : play.roles()) {
            playRoles.add(role.name());
            dependenciesOf(role.dir(), dependencies, new LinkedHashSet<>());
        }
        Set<String> all = new LinkedHashSet<>(dependencies);
        all.addAll(playRoles);
        List<String> playList = List.copyOf(playRoles);
        return Map.of("ansible_play_role_names", playList, "role_names", playList,
                "ansible_dependent_role_names", List.copyOf(dependencies), "ansible_role_names", List.copyOf(all));
    }

    private static void dependenciesOf(Path roleDir, Set<String> names, Set<Path> seen) {
        if (roleDir == null || !seen.add(roleDir)) {
            return;
        }
        for (String file : List.of("main.yml", "main.yaml", "main")) {
            Path meta = roleDir.resolve("meta").resolve(file);
            if (!Files.isRegularFile(meta)) {
                continue;
            }
            if (YamlDocument.load(meta).root() instanceof Map<?, ?> m && m.get("dependencies") instanceof List<?> deps) {
                for (Object dep : deps) {
                    String name = dep instanceof Map<?, ?> entry
                            ? String.valueOf(entry.get(entry.containsKey("role") ? "role" : "name")) : String.valueOf(dep);
                    names.add(name);
                    Path sibling = roleDir.getParent() == null ? null : roleDir.getParent().resolve(name);
                    dependenciesOf(sibling != null && Files.isDirectory(sibling) ? sibling : null, names, seen);
                }
            }
            return;
        }
    }
}
