package io.lvsplay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.lifecycle.Startables;

/**
 * Two lab hosts prepared alike on a network of their own, for comparing lvsplay with Ansible: lvsplay
 * runs the folder's {@code modules.yml} on rs1, ansible-playbook the same file on rs2.
 */
public final class TwinHosts {
    public final LabHostContainer rs1;
    public final LabHostContainer rs2;
    private final LabTestNetwork network;
    private final Path dir;
    private final String inventory;

    private TwinHosts(LabTestNetwork network, LabHostContainer rs1, LabHostContainer rs2, Path dir, String inventory) {
        this.network = network;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.dir = dir;
        this.inventory = inventory;
    }

    /**
     * Starts rs1 and rs2 on the network {@code labName} ({@code subnet}), with the test resources folder
     * {@code it/<folder>} copied out, and runs its {@code prepare-host.sh} on both.
     */
    public static TwinHosts start(String labName, String subnet, String folder) throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-" + folder));
        LabTestNetwork network = LabTestNetwork.create(labName, subnet);
        LabHostContainer rs1 = new LabHostContainer("rs1").onNetwork(network).withAuthorizedKey(access.publicKey());
        LabHostContainer rs2 = new LabHostContainer("rs2").onNetwork(network).withAuthorizedKey(access.publicKey());
        Startables.deepStart(rs1, rs2).join();
        String inventory = access.write(Map.of("realservers", List.of(rs1, rs2))).toString();
        Path dir = LabFixture.resources("it/" + folder);
        String prepare = Files.readString(dir.resolve("prepare-host.sh"));
        for (LabHostContainer host : List.of(rs1, rs2)) {
            host.exec(prepare);
        }
        return new TwinHosts(network, rs1, rs2, dir, inventory);
    }

    public void stop() {
        LabFixture.stopAll(network, rs1, rs2);
    }

    /** lvsplay on rs1, with {@code extra} options; the output is echoed for the test log. */
    public LvsplayRun.Result lvsplay(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-i", inventory, "-l", "rs1", playbook()));
        args.addAll(List.of(extra));
        LvsplayRun.Result result = LvsplayRun.run(args.toArray(String[]::new));
        System.out.println(result.output());
        return result;
    }

    public static boolean ansibleInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/ansible-playbook"));
    }

    /** ansible-playbook on rs2; it must succeed. Returns its output. */
    public String ansible() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ansible-playbook", "-i", inventory, "-l", "rs2", playbook())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private String playbook() {
        return dir.resolve("modules.yml").toString();
    }
}
