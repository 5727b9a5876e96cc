package io.lvsplay.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lab host image {@code lvsplay-lab}, built by {@code lab/image/build-image.sh} (debootstrap +
 * docker import; no registry needed). The script tags {@code lvsplay-lab:<recipe hash>} and {@code :latest}.
 */
public final class LabImage {

    public static final String REPOSITORY = "lvsplay-lab";
    public static final String LATEST = REPOSITORY + ":latest";
    public static final Path BUILD_SCRIPT = Path.of("lab", "image", "build-image.sh");

    private LabImage() {
    }

    /**
     * Makes sure {@link #LATEST} exists and matches the recipe: runs the build script under
     * {@code repoRoot} when there is one (it returns at once when the image for its recipe exists),
     * otherwise accepts an existing image. Build output goes to this process's stderr.
     *
     * @param repoRoot the lvsplay checkout holding lab/image/build-image.sh, or null when unknown
     * @return the image to use, {@link #LATEST}
     */
    public static String ensureBuilt(Path repoRoot) {
        return ensureBuilt(repoRoot, new Docker());
    }

    public static String ensureBuilt(Path repoRoot, Docker docker) {
        Path script = repoRoot == null ? null : repoRoot.resolve(BUILD_SCRIPT);
        if (script != null && Files.isRegularFile(script)) {
            runBuildScript(script);
        }
        if (!docker.imageExists(LATEST)) {
            throw new LabException("lab image " + LATEST + " not found: run lab/setup-host.sh"
                    + (script == null ? "" : " (no " + BUILD_SCRIPT + " under " + repoRoot + ")"));
        }
        return LATEST;
    }

    private static void runBuildScript(Path script) {
        try {
            // Progress goes to stderr: stdout may be a machine-read channel (the CLI's output, surefire's fork).
            Process process = new ProcessBuilder(List.of("bash", script.toString())).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(System.err::println);
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new LabException("building the lab image with " + script + " failed (exit code " + exit
                        + "); its output is above. As root, lab/setup-host.sh installs what the build needs.");
            }
        } catch (IOException e) {
            throw new LabException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while building the lab image", e);
        }
    }
}
