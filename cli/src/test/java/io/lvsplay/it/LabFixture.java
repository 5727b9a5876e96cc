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

    /** A test resource folder copied out, so playbooks run from a real directory. */
    public static Path resources(String folder) throws Exception {
        Path source = Path.of(LabFixture.class.getResource("/" + folder).toURI());
        return source;
    }
}
