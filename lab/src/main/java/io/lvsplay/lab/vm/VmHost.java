package io.lvsplay.lab.vm;

import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.Role;
import io.lvsplay.lab.SshPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One lab VM: boots it from the shared image through its own overlay disk, waits for its sshd, and runs
 * commands on it as root over SSH (the OpenSSH client with the lab's key and strict host key checking),
 * which is also how the playbooks reach it.
 */
public final class VmHost {

    private static final String HOST_KEY_LINE = "lvsplay-hostkey: ";
    private static final Duration DEFAULT_EXEC_TIMEOUT = Duration.ofMinutes(2);

    private final VmDefinition definition;
    private final VmSsh ssh;
    private Instant started;
    private Duration bootTime;
    private String hostKey;

    VmHost(VmDefinition definition, VmSsh ssh) {
        this.definition = definition;
        this.ssh = ssh;
    }

    public String name() {
        return definition.name();
    }

    public Role role() {
        return definition.host().role();
    }

    /** The address SSH and the inventory use (on the host's first network). */
    public String address() {
        return definition.host().address();
    }

    public List<String> addresses() {
        return definition.host().addresses();
    }

    public VmDefinition definition() {
        return definition;
    }

    public Path consoleLog() {
        return definition.consoleLog();
    }

    /** From starting QEMU to sshd's greeting; empty before {@link #awaitReady} returned. */
    public Optional<Duration> bootTime() {
        return Optional.ofNullable(bootTime);
    }

    /** "ssh-ed25519 BASE64", as the VM printed it on its console. */
    String hostKey() {
        return hostKey;
    }

    /** Creates the overlay disk and starts QEMU in the background; {@link #awaitReady} waits for the boot. */
    void boot(VmImage image) {
        try {
            Files.createDirectories(definition.dir());
            Files.deleteIfExists(definition.disk());
            Files.deleteIfExists(definition.consoleLog());
            Files.deleteIfExists(definition.pidFile());
        } catch (IOException e) {
            throw new LabException("cannot prepare " + definition.dir() + " for VM " + name() + ": " + e.getMessage(), e);
        }
        HostCommand.check("qemu-img", "create", "-q", "-f", "qcow2", "-b", image.rootfs().toString(), "-F", "raw",
                definition.disk().toString());
        started = Instant.now();
        ExecResult qemu = HostCommand.run(definition.qemuCommand(image, ssh.publicKeyLine()), Duration.ofMinutes(1));
        if (!qemu.ok()) {
            throw new LabException("QEMU could not start VM " + name() + " (exit code " + qemu.exitCode() + "): "
                    + (qemu.stderr() + qemu.stdout()).strip());
        }
    }

    /**
     * Waits until the VM has printed its host key and its sshd greets; raises LabException with the end of
     * the console log when the VM dies or {@code deadline} passes.
     */
    void awaitReady(Instant deadline, Duration timeout) {
        while (true) {
            if (hostKey == null) {
                hostKey = hostKeyFromConsole().orElse(null);
            }
            if (hostKey != null && SshPort.greets(address())) {
                bootTime = Duration.between(started, Instant.now());
                return;
            }
            if (!running()) {
                throw new LabException("VM " + name() + " stopped while booting; its console said:\n" + consoleTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LabException("VM " + name() + " (" + address() + ") did not answer SSH within "
                        + timeout.toSeconds() + " s (the machine may be overloaded: QEMU emulates the CPU); "
                        + "its console said:\n" + consoleTail());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for VM " + name(), e);
            }
        }
    }

    public boolean running() {
        return QemuProcesses.running(definition.lab()).containsKey(name());
    }

    /** Runs {@code sh -c shellCmd} as root on the VM over SSH. */
    public ExecResult exec(String shellCmd) {
        return exec(shellCmd, DEFAULT_EXEC_TIMEOUT);
    }

    public ExecResult exec(String shellCmd, Duration timeout) {
        return HostCommand.run(ssh.command(address(), shellCmd), timeout);
    }

    /** Like {@link #exec} but returns stdout and raises LabException (with both outputs) on a non-zero exit. */
    public String run(String shellCmd) {
        ExecResult result = exec(shellCmd);
        if (!result.ok()) {
            throw new LabException("'" + shellCmd + "' failed on lab VM " + name() + " with exit code "
                    + result.exitCode() + ": " + (result.stderr() + result.stdout()).strip());
        }
        return result.stdout();
    }

    /** Powers the VM off (kills QEMU), like a host that fails; its disk stays until the lab goes down. */
    public void stop() {
        Long pid = QemuProcesses.running(definition.lab()).get(name());
        if (pid != null) {
            QemuProcesses.kill("VM " + name(), pid);
        }
    }

    private Optional<String> hostKeyFromConsole() {
        for (String line : consoleLines()) {
            int at = line.indexOf(HOST_KEY_LINE);
            if (at >= 0) {
                String[] key = line.substring(at + HOST_KEY_LINE.length()).strip().split("\\s+");
                if (key.length >= 2 && key[0].equals("ssh-ed25519")) {
                    return Optional.of(key[0] + " " + key[1]);
                }
            }
        }
        return Optional.empty();
    }

    private List<String> consoleLines() {
        try {
            return Files.exists(consoleLog()) ? Files.readAllLines(consoleLog(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    String consoleTail() {
        List<String> lines = new ArrayList<>(consoleLines());
        List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
        return tail.isEmpty() ? "(nothing; see " + consoleLog() + ")" : String.join("\n", tail)
                + "\n(full log: " + consoleLog() + ")";
    }

    @Override
    public String toString() {
        return name() + "(" + address() + ")";
    }
}
