package io.lvsplay.it;

import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabImage;
import io.lvsplay.lab.LabSpec;
import io.lvsplay.lab.LabTopology;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts a lab for one test class: its own name and subnet, so test classes never collide. */
public final class LabFixture {
    private LabFixture() {
    }

    public static Path repoRoot() {
        String root = System.getProperty("lvsplay.repo");
        Path p = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        return Files.isRegularFile(p.resolve("lab/image/build-image.sh")) ? p : Path.of("..").toAbsolutePath().normalize();
    }

    public static Lab start(String name, LabTopology topology, int realServers, String lanSubnet) throws Exception {
        LabImage.ensureBuilt(repoRoot());
        Path state = Files.createTempDirectory("lvsplay-it-" + name);
        return Lab.up(LabSpec.builder().name(name).topology(topology).realServers(realServers)
                .lanSubnet(lanSubnet).stateDir(state).build());
    }

    /** Builds lvsplay-lab:latest from this checkout's recipe when it is missing or stale (a no-op when current). */
    public static String ensureImage() {
        return LabImage.ensureBuilt(repoRoot());
    }

    /**
     * Stops and removes the containers, then the network (Ryuk is off: nothing else would). Nulls are
     * skipped, so it also cleans up after a start that failed half-way; every one is tried.
     */
    public static void stopAll(LabTestNetwork network, LabHostContainer... hosts) {
        RuntimeException failed = null;
        for (LabHostContainer host : hosts) {
            try {
                if (host != null) {
                    host.stop();
                }
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (network != null) {
            network.close();
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** A test resource folder copied out, so playbooks run from a real directory. */
    public static Path resources(String folder) throws Exception {
        Path source = Path.of(LabFixture.class.getResource("/" + folder).toURI());
        return source;
    }
}
