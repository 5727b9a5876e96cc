package io.lvsplay.lab.vm;

import io.lvsplay.lab.LabException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds and stops a lab's QEMU processes by their {@code -name} ({@link VmNames#qemuName}), read from
 * /proc. Why not only the pid files: a pid file survives its process and its pid may be reused, and the
 * state directory may be gone; the -name argument identifies a lab VM for as long as it runs.
 */
final class QemuProcesses {

    private static final Path PROC = Path.of("/proc");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private QemuProcesses() {
    }

    /** Host name to pid of every running VM of the lab. */
    static Map<String, Long> running(String lab) {
        String prefix = VmNames.qemuNamePrefix(lab);
        Map<String, Long> found = new TreeMap<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : entries.toList()) {
                String pid = entry.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                List<String> args = commandLine(entry);
                int name = args.indexOf("-name");
                if (name >= 0 && name + 1 < args.size() && args.get(0).contains("qemu")
                        && args.get(name + 1).startsWith(prefix)) {
                    found.put(args.get(name + 1).substring(prefix.length()), Long.parseLong(pid));
                }
            }
        } catch (IOException e) {
            throw new LabException("cannot list processes in " + PROC + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Stops the process like a power cut (the VMs hold nothing worth a clean shutdown); waits until it is gone. */
    static void kill(String what, long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            Instant deadline = Instant.now().plus(GRACE);
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                sleep(500);
            }
            if (process.isAlive()) {
                throw new LabException("QEMU process " + pid + " of " + what + " does not stop; kill -9 " + pid);
            }
        });
    }

    private static List<String> commandLine(Path procEntry) {
        try {
            String raw = new String(Files.readAllBytes(procEntry.resolve("cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException | SecurityException exitedOrForeign) {
            return List.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while stopping a lab VM", e);
        }
    }
}
