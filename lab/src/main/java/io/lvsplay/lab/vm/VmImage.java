package io.lvsplay.lab.vm;

import io.lvsplay.lab.LabException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What every lab VM boots, as made by {@code lab/vm/build-vm-image.sh}: Debian's cloud kernel
 * ({@code vmlinuz}, booted directly by QEMU) and a raw ext4 root file system ({@code rootfs.img}) that
 * each VM uses through its own copy-on-write qcow2 overlay.
 */
public record VmImage(Path dir, Path kernel, Path rootfs, String kernelRelease) {

    public static final Path BUILD_SCRIPT = Path.of("lab", "vm", "build-vm-image.sh");

    /** The image in {@code dir}; raises LabException when a file is missing (an interrupted build). */
    public static VmImage at(Path dir) {
        Path kernel = dir.resolve("vmlinuz");
        Path rootfs = dir.resolve("rootfs.img");
        Path release = dir.resolve("kernel-release");
        for (Path file : List.of(kernel, rootfs, release)) {
            if (!Files.isRegularFile(file)) {
                throw new LabException("VM image " + dir + " has no " + file.getFileName()
                        + ": rebuild it with lab/vm/build-vm-image.sh --force");
            }
        }
        try {
            return new VmImage(dir, kernel, rootfs, Files.readString(release).strip());
        } catch (IOException e) {
            throw new LabException("cannot read " + release + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the build script of the checkout at {@code repoRoot} (it returns at once when the image of its
     * recipe is in the cache) and returns that image. Build progress goes to this process's stderr.
     */
    public static VmImage ensureBuilt(Path repoRoot) {
        Path script = repoRoot == null ? null : repoRoot.resolve(BUILD_SCRIPT);
        if (script == null || !Files.isRegularFile(script)) {
            throw new LabException("cannot build the VM image: no " + BUILD_SCRIPT + " under "
                    + repoRoot + " (run lvsplay from the checkout or set LVSPLAY_HOME)");
        }
        try {
            Process process = new ProcessBuilder(List.of("bash", script.toString())).start();
            process.getOutputStream().close();
            // stdout carries only the image directory (last line); stderr is progress for the user.
            CompletableFuture<Void> progress = CompletableFuture.runAsync(() -> copyLines(process, System.err));
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = process.waitFor();
            progress.join();
            if (exit != 0 || stdout.isEmpty()) {
                throw new LabException("building the VM image with " + script + " failed (exit code " + exit
                        + "); its output is above. It needs root and Debian's package mirror.");
            }
            String[] lines = stdout.split("\n");
            return at(Path.of(lines[lines.length - 1].strip()));
        } catch (IOException e) {
            throw new LabException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while building the VM image", e);
        }
    }

    private static void copyLines(Process process, java.io.PrintStream to) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            err.lines().forEach(to::println);
        } catch (IOException e) {
            // The build's exit code reports the failure; lost progress lines are not worth another error.
        }
    }
}
