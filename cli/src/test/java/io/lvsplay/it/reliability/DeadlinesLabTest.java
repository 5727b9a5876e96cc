package io.lvsplay.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LabHostContainer;
import io.lvsplay.it.LabInventory;
import io.lvsplay.it.LabTestNetwork;
import io.lvsplay.it.LvsplayRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.lifecycle.Startables;

/**
 * Issue 15 items 2 and 7 in one run with {@code --timeout 3}: a tarpit (a lab host whose port 2222
 * accepts TCP and never speaks SSH), a host whose SSH SYNs are dropped (iptables inside it), and a
 * host whose network is cut mid-task ({@code docker network disconnect}) are UNREACHABLE, the good
 * host finishes both tasks, the exit code is 4, and the whole run is bounded.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class DeadlinesLabTest {
    private static LabTestNetwork network;
    private static LabHostContainer good;
    private static LabHostContainer tarpit;
    private static LabHostContainer blackhole;
    private static LabHostContainer cut;
    private static Path labInventory;
    private static Path work;

    @BeforeAll
    static void startHosts() throws Exception {
        LabFixture.ensureImage();
        LabInventory access = LabInventory.in(Files.createTempDirectory("lvsplay-it-deadlines"));
        network = LabTestNetwork.create("it-deadlines", "10.246.3.0/24");
        good = new LabHostContainer("good").onNetwork(network).withAuthorizedKey(access.publicKey());
        tarpit = new LabHostContainer("tarpit").onNetwork(network).withAuthorizedKey(access.publicKey());
        blackhole = new LabHostContainer("blackhole").onNetwork(network).withAuthorizedKey(access.publicKey());
        cut = new LabHostContainer("cut").onNetwork(network).withAuthorizedKey(access.publicKey());
        Startables.deepStart(good, tarpit, blackhole, cut).join();
        labInventory = access.write(Map.of("good", List.of(good), "bad", List.of(tarpit, blackhole, cut)));
        work = Files.createTempDirectory("lvsplay-deadlines");
        tarpit.exec("setsid nohup python3 -c \"import socket\n"
                + "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "s.bind(('0.0.0.0', 2222)); s.listen(50); held = []\n"
                + "while True: held.append(s.accept())\" >/dev/null 2>&1 &");
        assertTrue(awaitOnHost(tarpit, "ss -ltn | grep -q ':2222 '", 10_000), "the tarpit listens");
    }

    @AfterAll
    static void stopHosts() {
        LabFixture.stopAll(network, good, tarpit, blackhole, cut);
    }

    private static boolean awaitOnHost(LabHostContainer host, String shellTest, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (host.succeeds(shellTest)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static LvsplayRun.Result run(Path inventory, String playbookText) throws Exception {
        Path playbook = Files.createTempFile(work, "play", ".yml");
        Files.writeString(playbook, playbookText);
        LvsplayRun.Result result = LvsplayRun.run("run", "-i", inventory.toString(), playbook.toString(), "--timeout", "3");
        System.out.println(result.output());
        return result;
    }

    @Test
    void threeBadHostsAreUnreachableInBoundedTimeAndTheGoodOneFinishes() throws Exception {
        // warm-up: JVM, sshj and the first connection are not part of what is measured
        Path warmInventory = work.resolve("warm.ini");
        Files.writeString(warmInventory, Files.readString(labInventory));
        LvsplayRun.Result warm = run(warmInventory, "- hosts: good\n  gather_facts: false\n  tasks:\n    - ping:\n");
        assertEquals(0, warm.exitCode(), warm.output());

        // the bad hosts become bad only now: the tarpit on its port, SYNs to port 22 dropped, keepalive 2 s x 3
        Path inventory = work.resolve("deadlines.ini");
        Files.writeString(inventory, Files.readString(labInventory)
                .replace("tarpit ansible_host=" + tarpit.ipAddress(), "tarpit ansible_host=" + tarpit.ipAddress() + " ansible_port=2222")
                .replace("cut ansible_host=" + cut.ipAddress(), "cut ansible_host=" + cut.ipAddress()
                        + " ansible_ssh_extra_args='-o ServerAliveInterval=2 -o ServerAliveCountMax=3'"));
        assertTrue(Files.readString(inventory).contains("ansible_port=2222"), "the lab inventory's form changed");
        blackhole.exec("iptables -A INPUT -p tcp --dport 22 -j DROP");
        cut.exec("rm -f /tmp/deadlines-started");
        String playbook = "- hosts: all\n  gather_facts: false\n  tasks:\n"
                + "    - shell: touch /tmp/deadlines-started; sleep {{ 90 if inventory_hostname == 'cut' else 2 }}\n"
                + "      changed_when: false\n"
                + "    - command: hostname\n      changed_when: false\n";

        long started = System.nanoTime();
        CompletableFuture<LvsplayRun.Result> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(inventory, playbook);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(awaitOnHost(cut, "test -e /tmp/deadlines-started", 30_000), "the long task started on 'cut'");
        cut.disconnect();
        try {
            LvsplayRun.Result result = running.get(120, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertEquals(4, result.exitCode(), result.output());
            for (String bad : List.of("tarpit", "blackhole", "cut")) {
                assertEquals(1, result.recapValue(bad, "unreachable"), bad + ": " + result.stdout());
            }
            assertTrue(result.stdout().contains("fatal: [cut]: UNREACHABLE!"), result.stdout());
            assertEquals(2, result.recapValue("good", "ok"), result.stdout());
            // 3 s connect deadline, keepalive 2 s x 3 after the cut: measured 11 s on the shared 2-core machine
            System.out.println("DeadlinesLabTest: the run took " + seconds + " s");
            assertTrue(seconds < 45, "--timeout 3 and keepalive 2x3, but the run took " + seconds + " s");
        } finally {
            cut.reconnect();
            blackhole.exec("iptables -F INPUT");
        }
    }
}
