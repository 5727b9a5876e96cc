package io.lvsplay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the forwarding agent's jar is on the controller, for playbooks to push to directors
 * (the magic variable {@code lvsplay_agent_jar}). The lvsplay jar carries it as a resource; it is
 * copied out once per content into ~/.cache/lvsplay. A development checkout uses agent/target.
 */
final class BundledAgent {
    private static volatile String path;

    private BundledAgent() {
    }

    /** lvsplayHome: $LVSPLAY_HOME (the checkout ./lvsplay runs from), or null. */
    static String path(String lvsplayHome) {
        if (path == null) {
            synchronized (BundledAgent.class) {
                if (path == null) {
                    path = locate(lvsplayHome);
                }
            }
        }
        return path;
    }

    private static String locate(String home) {
        try (InputStream in = BundledAgent.class.getResourceAsStream("/bundled/lvsplay-agent.jar")) {
            if (in != null) {
                byte[] bytes = in.readAllBytes();
                String name = "lvsplay-agent-" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + ".jar";
                Path dir = Path.of(System.getProperty("user.home"), ".cache", "lvsplay");
                Path target = dir.resolve(name);
                if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.write(tmp, bytes);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                return target.toString();
            }
        } catch (IOException e) {
            // fall through to the development location
        }
        Path dev = Path.of(home != null ? home : ".").resolve("agent/target/lvsplay-agent.jar").toAbsolutePath();
        return dev.toString();
    }
}
