package io.lvsplay.it.lvs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (playbooks/, templates/, inventory-examples/), as Maven or the IDE runs the tests. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        String prop = System.getProperty("lvsplay.repo");
        for (Path p = prop != null && !prop.isBlank() && !prop.contains("${") ? Path.of(prop) : Path.of("").toAbsolutePath();
             p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("playbooks")) && Files.isDirectory(p.resolve("templates"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find the repository root (playbooks/ and templates/)");
    }
}
