package io.lvsplay.it.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.it.LabFixture;
import io.lvsplay.it.LvsplayRun;
import io.lvsplay.lab.Lab;
import io.lvsplay.lab.LabHost;
import io.lvsplay.lab.LabTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * SSH as OpenSSH users have it (issue 16 item 6, issue 15): rs2 accepts SSH only from rs1 (iptables),
 * so it is reachable only with rs1 as jump host; ~/.ssh/config-style aliases (-F), ProxyJump from the
 * config and from ansible_ssh_common_args, an ssh-agent holding the only key, the timeout: keyword,
 * and a changed host key. Where behaviour was in doubt, ansible-playbook ran the same play.
 */
@EnabledIfSystemProperty(named = "lab", matches = "true")
class SshLabTest {
    private static Lab lab;
    private static Path work;
    private static LabHost bastion;
    private static LabHost target;
    private static Path config;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.start("it-ssh", LabTopology.DR, 2, "10.250.21.0/24");
        work = Files.createTempDirectory("lvsplay-ssh");
        bastion = lab.host("rs1");
        target = lab.host("rs2");
        target.run("iptables -A INPUT -p tcp --dport 22 -s " + bastion.address() + " -j ACCEPT"
                + " && iptables -A INPUT -p tcp --dport 22 -j DROP");
        config = work.resolve("ssh_config");
        Files.writeString(config, "Host behind\n"
                + "  HostName " + target.address() + "\n"
                + "  ProxyJump jump\n"
                + "Host jump\n"
                + "  HostName " + bastion.address() + "\n"
                + "Host *\n"
                + "  User root\n"
                + "  IdentityFile " + lab.privateKey() + "\n"
                + "  UserKnownHostsFile " + lab.knownHostsFile() + "\n");
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static Path write(String name, String text) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String WHOAMI = "- hosts: all\n  gather_facts: false\n  tasks:\n"
            + "    - command: hostname -I\n      register: ip\n"
            + "    - debug: var=ip.stdout\n";

    private static LvsplayRun.Result lvsplay(Path inventory, Path playbook, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "-i", inventory.toString(), playbook.toString()));
        args.addAll(List.of(extra));
        LvsplayRun.Result r = LvsplayRun.run(args.toArray(String[]::new));
        System.out.println(r.output());
        return r;
    }

    /** lvsplay in a process of its own, for what only the environment can say (SSH_AUTH_SOCK, ANSIBLE_*). */
    private static LvsplayRun.Result lvsplayWithEnv(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.lvsplay.cli.Main"));
        command.addAll(List.of(args));
        return process(env, command);
    }

    private static LvsplayRun.Result process(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (Exception e) {
                return new byte[0];
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running: " + command);
        LvsplayRun.Result r = new LvsplayRun.Result(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
        System.out.println(r.output());
        return r;
    }

    @Test
    void theTargetIsUnreachableWithoutTheJumpHost() throws Exception {
        Path inv = write("direct.ini", "behind ansible_host=" + target.address() + " ansible_user=root"
                + " ansible_ssh_private_key_file=" + lab.privateKey()
                + " ansible_ssh_common_args='-o UserKnownHostsFile=" + lab.knownHostsFile() + "'\n");
        LvsplayRun.Result r = lvsplay(inv, write("p0.yml", WHOAMI), "--timeout", "3");
        assertEquals(4, r.exitCode(), "the iptables rule must stop a direct connection");
    }

    @Test
    void anSshConfigAliasWithProxyJumpReachesTheHostBehindTheBastion() throws Exception {
        Path inv = write("alias.ini", "behind ansible_ssh_common_args='-F " + config + "'\n");
        Path play = write("p1.yml", WHOAMI);
        LvsplayRun.Result r = lvsplay(inv, play);
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().contains(target.address()), r.stdout());
        // ansible-playbook, through OpenSSH, reads the same config the same way
        LvsplayRun.Result ansible = process(Map.of("ANSIBLE_NOCOLOR", "1"),
                List.of("ansible-playbook", "-i", inv.toString(), play.toString()));
        assertEquals(0, ansible.exitCode(), ansible.output());
        assertTrue(ansible.stdout().contains(target.address()), ansible.stdout());
    }

    @Test
    void proxyJumpInSshCommonArgsSharesOneJumpConnectionAndHostVarsWinOverTheConfig() throws Exception {
        String jump = "-o ProxyJump=root@" + bastion.address() + ":22 -F " + config;
        Path inv = write("jump.ini", "[behind]\n"
                + "t1 ansible_host=" + target.address() + "\n"
                + "t2 ansible_host=" + target.address() + " ansible_port=22\n"
                + "[behind:vars]\nansible_user=root\nansible_ssh_private_key_file=" + lab.privateKey() + "\n"
                + "ansible_ssh_common_args='" + jump + "'\n");
        String before = sshSessions(bastion);
        Path play = write("p2.yml", WHOAMI);
        LvsplayRun.Result r = lvsplay(inv, play);
        assertEquals(0, r.exitCode());
        assertEquals(2, r.stdout().split(target.address(), -1).length - 1, r.stdout());
        assertEquals(before, sshSessions(bastion), "the jump connection is closed at the end of the run");
    }

    /** Established SSH sessions on a host (ansible-playbook's ControlPersist may keep some open). */
    private static String sshSessions(LabHost host) {
        return host.run("ss -tn state established '( sport = :22 )' | tail -n +2 | wc -l").strip();
    }

    @Test
    void anSshOptionLvsplayDoesNotImplementIsRefusedAtLoad() throws Exception {
        Path inv = write("bad.ini", "behind ansible_ssh_extra_args='-o ProxyCommand=\"nc %h %p\"'\n");
        LvsplayRun.Result r = lvsplay(inv, write("p3.yml", WHOAMI));
        assertEquals(5, r.exitCode(), r.output());
        assertTrue(r.stderr().contains("ansible_ssh_extra_args: lvsplay does not support"), r.stderr());
    }

    @Test
    void theOnlyKeyInAnSshAgentAuthenticatesBothHops() throws Exception {
        Path sock = work.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            Path key = work.resolve("agent_key");
            Files.copy(lab.privateKey(), key);
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            LvsplayRun.Result add = process(Map.of("SSH_AUTH_SOCK", sock.toString()), List.of("ssh-add", key.toString()));
            assertEquals(0, add.exitCode(), add.output());
            Files.delete(key);
            Path noKeys = write("agent_config", "Host *\n  User root\n  UserKnownHostsFile " + lab.knownHostsFile() + "\n");
            Path inv = write("agent.ini", "behind ansible_host=" + target.address()
                    + " ansible_ssh_common_args='-F " + noKeys + " -J root@" + bastion.address() + "'\n");
            Path play = write("p4.yml", WHOAMI);
            LvsplayRun.Result r = lvsplayWithEnv(Map.of("SSH_AUTH_SOCK", sock.toString(), "HOME", work.toString()),
                    "run", "-i", inv.toString(), play.toString());
            assertEquals(0, r.exitCode());
            assertTrue(r.stdout().contains(target.address()), r.stdout());
            LvsplayRun.Result without = lvsplayWithEnv(Map.of("HOME", work.toString()),
                    "run", "-i", inv.toString(), play.toString());
            assertEquals(4, without.exitCode(), "without the agent there is no key");
        } finally {
            agent.destroy();
        }
    }

    @Test
    void aTaskPastItsTimeoutFailsLikeAnsibleAndItsCommandIsKilledOnTheHost() throws Exception {
        Path inv = write("direct-rs1.ini", "rs1 ansible_host=" + bastion.address() + " ansible_user=root"
                + " ansible_ssh_private_key_file=" + lab.privateKey()
                + " ansible_ssh_common_args='-o UserKnownHostsFile=" + lab.knownHostsFile() + "'\n");
        Path play = write("p5.yml", "- hosts: all\n  gather_facts: false\n  tasks:\n"
                + "    - shell: sleep 97; touch /tmp/slept\n      timeout: 3\n");
        long start = System.nanoTime();
        LvsplayRun.Result r = lvsplay(inv, play);
        double took = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.exitCode());
        assertTrue(r.stdout().contains("The shell action failed to execute in the expected time frame (3) and was terminated"),
                r.stdout());
        // well under the 97 s the command would take (loose: CI machines may be loaded)
        assertTrue(took < 60, "took " + took + " s");
        assertFalse(bastion.exec("pgrep -f 'sleep 9[7]'").ok(), "the command still runs on the host");
        LvsplayRun.Result ansible = process(Map.of("ANSIBLE_NOCOLOR", "1"),
                List.of("ansible-playbook", "-i", inv.toString(), play.toString()));
        assertEquals(2, ansible.exitCode(), ansible.output());
        assertTrue(ansible.stdout().contains("The shell action failed to execute in the expected time frame (3) and was terminated"),
                ansible.stdout());
        bastion.exec("pkill -f 'sleep 9[7]'");
    }

    @Test
    void aChangedHostKeyIsRefusedAsUnreachableUnlessHostKeyCheckingIsOff() throws Exception {
        Path otherKey = work.resolve("other_host_key");
        assertEquals(0, process(Map.of(), List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()))
                .exitCode());
        String pub = Files.readString(Path.of(otherKey + ".pub")).strip().split(" ", 3)[1];
        Path knownHosts = write("changed_known_hosts", bastion.address() + " ssh-ed25519 " + pub + "\n");
        Path inv = write("changed.ini", "rs1 ansible_host=" + bastion.address() + " ansible_user=root"
                + " ansible_ssh_private_key_file=" + lab.privateKey()
                + " ansible_ssh_common_args='-o UserKnownHostsFile=" + knownHosts + "'\n");
        Path play = write("p6.yml", WHOAMI);
        LvsplayRun.Result refused = lvsplayWithEnv(Map.of(), "run", "-i", inv.toString(), play.toString());
        assertEquals(4, refused.exitCode());
        assertTrue(refused.output().contains("UNREACHABLE"), refused.output());
        assertTrue(refused.output().toLowerCase().contains("changed"), refused.output());
        LvsplayRun.Result ansible = process(Map.of("ANSIBLE_NOCOLOR", "1"),
                List.of("ansible-playbook", "-i", inv.toString(), play.toString()));
        assertEquals(4, ansible.exitCode(), "ansible-playbook's exit code for an unreachable host");

        LvsplayRun.Result accepted = lvsplayWithEnv(Map.of("ANSIBLE_HOST_KEY_CHECKING", "False"),
                "run", "-i", inv.toString(), play.toString());
        assertEquals(0, accepted.exitCode());
        assertTrue(accepted.stderr().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), accepted.stderr());
    }
}
