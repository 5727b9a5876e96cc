package io.lvsplay.it;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.lvsplay.lab.LabImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * One lab host as a Testcontainers container: the locally built {@code lvsplay-lab} image (Debian
 * with sshd, sudo, python3), reached by lvsplay and ansible-playbook over SSH at its address on a
 * {@link LabTestNetwork}, and by the test itself through {@code docker exec} as root.
 * No registry is reachable here: the image must exist (lab/setup-host.sh builds it), nothing is pulled.
 */
public class LabHostContainer extends GenericContainer<LabHostContainer> {
    public static final int SSH_PORT = 22;

    private final String hostName;
    private String authorizedKey;
    private LabTestNetwork labNetwork;

    public LabHostContainer(String hostName) {
        super(DockerImageName.parse(LabImage.LATEST));
        this.hostName = hostName;
        // NET_ADMIN for ip addr and iptables (--privileged fails in this sandbox). Not the lab's
        // systempaths=unconfined: that is the CLI's spelling of empty MaskedPaths/ReadonlyPaths, which
        // docker-java 3.4 cannot send; these hosts need no sysctl -w (the LVS lab tests use Lab).
        withCreateContainerCmdModifier(cmd -> cmd.withHostName(hostName).getHostConfig().withCapAdd(Capability.NET_ADMIN));
        // the image's CMD makes the host keys, then sshd -D -e logs this line to stderr
        waitingFor(Wait.forLogMessage("(?s).*Server listening on .* port " + SSH_PORT + ".*", 1)
                .withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** On the test's network, labelled with it so a later run can remove what a crashed one left. */
    public LabHostContainer onNetwork(LabTestNetwork network) {
        this.labNetwork = network;
        withLabel(LabTestNetwork.LABEL, network.labName());
        return withNetwork(network.network());
    }

    /** root's authorized_keys on the host: the one key lvsplay and ansible-playbook log in with. */
    public LabHostContainer withAuthorizedKey(String publicKeyLine) {
        this.authorizedKey = publicKeyLine.strip();
        return this;
    }

    @Override
    protected void containerIsStarted(com.github.dockerjava.api.command.InspectContainerResponse info) {
        if (authorizedKey != null) {
            writeFile("/root/.ssh/authorized_keys", authorizedKey + "\n", "600");
        }
    }

    /** The inventory name of this host (also its hostname). */
    public String hostName() {
        return hostName;
    }

    /** The address SSH and the inventory use: this host's address on its {@link LabTestNetwork}. */
    public String ipAddress() {
        return networkSettings().getIpAddress();
    }

    public int sshPort() {
        return SSH_PORT;
    }

    /** The host's ed25519 public host key, "ssh-ed25519 AAAA...", for a strict known_hosts. */
    public String hostKey() {
        String[] key = fileContent("/etc/ssh/ssh_host_ed25519_key.pub").strip().split("\\s+");
        if (key.length < 2 || !key[0].equals("ssh-ed25519")) {
            throw new IllegalStateException(hostName + " has no usable ed25519 host key: " + String.join(" ", key));
        }
        return key[0] + " " + key[1];
    }

    /** Runs {@code sh -c shellCommand} as root and returns its stdout; a non-zero exit fails with both outputs. */
    public String exec(String shellCommand) {
        Container.ExecResult result = execResult(shellCommand);
        if (result.getExitCode() != 0) {
            throw new IllegalStateException("'" + shellCommand + "' failed on " + hostName + " with exit code "
                    + result.getExitCode() + ": " + (result.getStderr() + result.getStdout()).strip());
        }
        return result.getStdout();
    }

    /** Whether {@code sh -c shellTest} exits 0 as root. */
    public boolean succeeds(String shellTest) {
        return execResult(shellTest).getExitCode() == 0;
    }

    /** Runs {@code sh -c shellCommand} as root: exit code, stdout and stderr, whatever the exit code. */
    public Container.ExecResult execResult(String shellCommand) {
        try {
            return execInContainer("sh", "-c", shellCommand);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted on " + hostName, e);
        }
    }

    /**
     * The content of a file on the host, read through Docker's archive API (not through a shell).
     * Not for files on a mount inside the container (/dev/shm, /proc): Docker reads the image layer there.
     */
    public String fileContent(String path) {
        return copyFileFromContainer(path, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Writes a root-owned file with the given mode, creating its directory (mode 700). */
    public void writeFile(String path, String content, String mode) {
        String dir = path.substring(0, path.lastIndexOf('/'));
        exec("umask 077 && mkdir -p '" + dir + "'");
        copyFileToContainer(org.testcontainers.images.builder.Transferable.of(content), path);
        exec("chown root:root '" + path + "' && chmod " + mode + " '" + path + "'");
    }

    /** Copies a local directory's content into a directory on the host (like {@code docker cp DIR/. host:DEST}). */
    public void copyDirectory(Path localDirectory, String destination) {
        copyFileToContainer(MountableFile.forHostPath(localDirectory), destination);
    }

    /** Cuts the host off its network: packets to it are lost, as with a pulled cable. */
    public void disconnect() {
        getDockerClient().disconnectFromNetworkCmd().withNetworkId(labNetwork.network().getId())
                .withContainerId(getContainerId()).exec();
    }

    /** Puts the host back on its network with the address it had. */
    public void reconnect() {
        String address = ipAddress(); // as inspected at start: disconnect() does not change it
        getDockerClient().connectToNetworkCmd().withNetworkId(labNetwork.network().getId())
                .withContainerId(getContainerId())
                .withContainerNetwork(new ContainerNetwork().withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address)))
                .exec();
    }

    private ContainerNetwork networkSettings() {
        ContainerNetwork settings = getContainerInfo().getNetworkSettings().getNetworks().get(labNetwork.name());
        if (settings == null) {
            throw new IllegalStateException(hostName + " is not on network " + labNetwork.name());
        }
        return settings;
    }

    @Override
    public String toString() {
        return hostName + "(" + getContainerId() + ")";
    }
}
