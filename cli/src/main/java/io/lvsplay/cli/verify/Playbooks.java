package io.lvsplay.cli.verify;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shipped playbooks directory: $LVSPLAY_HOME/playbooks (the ./lvsplay launcher sets it),
 * then the current directory and its parents, then the checkout the running jar was built in
 * (cli/target/lvsplay.jar -> the repository root).
 */
public final class Playbooks {

    private Playbooks() {
    }

    public static Optional<Path> find(String playbook) {
        for (Path root : candidates()) {
            Path p = root.resolve("playbooks").resolve(playbook);
            if (Files.isRegularFile(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    static List<Path> candidates() {
        List<Path> roots = new ArrayList<>();
        String home = System.getenv("LVSPLAY_HOME");
        if (home != null && !home.isBlank()) {
            roots.add(Path.of(home));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            roots.add(p);
        }
        try {
            Path jar = Path.of(Playbooks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                roots.add(p);
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source (unusual class loader): the other places still apply
        }
        return roots;
    }
}
