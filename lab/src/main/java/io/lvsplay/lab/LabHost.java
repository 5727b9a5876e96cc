package io.lvsplay.lab;

import io.lvsplay.engine.transport.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One running lab container. Besides running commands as root (through {@code docker exec}, not SSH)
 * it can make the host go away mid-run, the way a real machine would: stopped, frozen, or cut off.
 */
public final class LabHost {

    private final String labName;
    private final HostPlan plan;
    private final Docker docker;
    private final Duration startupTimeout;

    LabHost(String labName, HostPlan plan, Docker docker, Duration startupTimeout) {
        this.labName = labName;
        this.plan = plan;
        this.docker = docker;
        this.startupTimeout = startupTimeout;
    }

    public String name() {
        return plan.name();
    }

    public Role role() {
        return plan.role();
    }

    public String containerName() {
        return LabNames.container(labName, plan.name());
    }

    /** The address SSH and the inventory use. */
    public String address() {
        return plan.address();
    }

    public List<String> addresses() {
        return plan.addresses();
    }

    /** The address on the given network ({@link LabNetwork#LAN} or {@link LabNetwork#WAN}). */
    public String address(String networkKey) {
        return attachment(networkKey).address();
    }

    public HostPlan plan() {
        return plan;
    }

    /** Runs {@code sh -c shellCmd} as root in the container. */
    public ExecResult exec(String shellCmd) {
        return docker.exec(containerName(), shellCmd);
    }

    /** Like {@link #exec} but returns stdout and raises LabException (with both outputs) on a non-zero exit. */
    public String run(String shellCmd) {
        ExecResult result = exec(shellCmd);
        if (!result.ok()) {
            throw new LabException("'" + shellCmd + "' failed on lab host " + name() + " with exit code "
                    + result.exitCode() + ": " + (result.stderr() + result.stdout()).strip());
        }
        return result.stdout();
    }

    /** Container state: running, paused, exited, ... or "missing". */
    public String state() {
        return docker.containerState(containerName()).orElse(HostStatus.MISSING);
    }

    public void stop() {
        docker.check("stop", "--time", "2", containerName());
    }

    /** Starts a stopped host and waits for its sshd; addresses and host keys are kept. */
    public void start() {
        docker.check("start", containerName());
        awaitSsh();
    }

    /** Freezes every process: connections hang instead of failing, like a host that stopped answering. */
    public void pause() {
        docker.check("pause", containerName());
    }

    public void unpause() {
        docker.check("unpause", containerName());
    }

    /** Cuts the host off all its networks (packets to it are lost); {@link #reconnect()} undoes it. */
    public void disconnect() {
        for (Attachment a : plan.attachments()) {
            docker.disconnect(LabNames.network(labName, a.network()), containerName());
        }
    }

    /** Reattaches the host with its old addresses, in the original order. */
    public void reconnect() {
        for (Attachment a : plan.attachments()) {
            docker.connect(LabNames.network(labName, a.network()), containerName(), a.address());
        }
    }

    void awaitSsh() {
        SshPort.await(name(), address(), Instant.now().plus(startupTimeout), startupTimeout);
    }

    private Attachment attachment(String networkKey) {
        return plan.attachments().stream().filter(a -> a.network().equals(networkKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab host " + name() + " is not on network " + networkKey));
    }

    @Override
    public String toString() {
        return name() + "(" + address() + ")";
    }
}
