package io.lvsplay.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A running lab: Docker containers with sshd on fixed addresses laid out as an LVS cluster
 * ({@link LabTopology}), plus the files to reach them: {@code <stateDir>/<name>/id_ed25519},
 * {@code known_hosts} (for strict host key checking), {@code inventory.ini} and {@code lab.json}.
 *
 * <p>Every container and network carries the label {@code lvsplay.lab=<name>}, so {@link #down} removes a
 * lab completely even after the process that made it crashed. {@code close()} is {@code down}.
 */
public final class Lab extends LabLayout implements AutoCloseable {


    private final Docker docker;
    private final SshKeyPair key;
    private final Map<String, LabHost> hosts;

    private Lab(LabSpec spec, LabPlan plan, Docker docker, SshKeyPair key) {
        super(spec, plan);
        this.docker = docker;
        this.key = key;
        Map<String, LabHost> byName = new LinkedHashMap<>();
        for (HostPlan h : plan.hosts()) {
            byName.put(h.name(), new LabHost(plan.name(), h, docker, spec.startupTimeout()));
        }
        this.hosts = byName;
    }

    /** Brings up the lab {@code spec} describes, replacing a lab of the same name; waits until every sshd answers. */
    public static Lab up(LabSpec spec) {
        return up(spec, new Docker());
    }

    public static Lab up(LabSpec spec, Docker docker) {
        if (!docker.daemonAvailable()) {
            throw new LabException("the docker daemon is not answering: run lab/setup-host.sh as root (or start dockerd)");
        }
        if (!docker.imageExists(spec.image())) {
            throw new LabException("lab image " + spec.image() + " not found: run lab/setup-host.sh");
        }
        down(spec.stateDir(), spec.name(), docker);
        Lab lab = new Lab(spec, LabPlan.of(spec), docker,
                SshKeyPair.ensure(spec.labDir(), "lvsplay-lab-" + spec.name()));
        try {
            lab.create();
            return lab;
        } catch (RuntimeException e) {
            try {
                down(spec.stateDir(), spec.name(), docker);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Removes the lab's containers and networks (found by label) and its inventory/known_hosts/lab.json; keeps the key. */
    public static LabRemoval down(Path stateDir, String name) {
        return down(stateDir, name, new Docker());
    }

    public static LabRemoval down(Path stateDir, String name, Docker docker) {
        String filter = LabNames.labelFilter(name);
        List<String> containers = docker.containerIdsWithLabel(filter);
        docker.removeContainers(containers);
        List<String> networks = docker.networkIdsWithLabel(filter);
        docker.removeNetworks(networks);
        Path dir = stateDir.resolve(name);
        try {
            for (String file : List.of(INVENTORY_FILE, KNOWN_HOSTS_FILE, LabStateFile.FILE_NAME)) {
                Files.deleteIfExists(dir.resolve(file));
            }
        } catch (IOException e) {
            throw new LabException("lab " + name + " removed from Docker, but its files in " + dir
                    + " could not be deleted: " + e.getMessage(), e);
        }
        return new LabRemoval(name, containers.size(), networks.size());
    }

    /**
     * Every host recorded for the lab, with its container's state ("missing" when gone), followed by any
     * container that carries the lab's label but is not recorded (left over from a crash). Empty: no such lab.
     */
    public static List<HostStatus> status(Path stateDir, String name) {
        return status(stateDir, name, new Docker());
    }

    public static List<HostStatus> status(Path stateDir, String name, Docker docker) {
        List<HostStatus> result = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        for (LabStateFile.RecordedHost h : LabStateFile.readHosts(stateDir.resolve(name).resolve(LabStateFile.FILE_NAME))) {
            recorded.add(h.container());
            result.add(new HostStatus(h.name(), h.container(),
                    docker.containerState(h.container()).orElse(HostStatus.MISSING), h.addresses()));
        }
        String format = "{{.Names}}\t{{.State}}\t{{.Label \"" + LabNames.HOST_LABEL + "\"}}";
        for (String line : docker.check("ps", "-a", "--filter", "label=" + LabNames.labelFilter(name),
                "--format", format).lines().toList()) {
            String[] f = line.split("\t", -1);
            if (f.length == 3 && !recorded.contains(f[0])) {
                result.add(new HostStatus(f[2], f[0], f[1], List.of()));
            }
        }
        return result;
    }

    private void create() {
        Map<String, String> labLabel = Map.of(LabNames.LAB_LABEL, plan().name());
        for (LabNetwork n : plan().networks()) {
            // The client side of a NAT director is not masqueraded: the host's iptables also see the frames the
            // director bridges into the lan, and Docker's rule would rewrite the client's address there, so
            // real servers would see the host's gateway instead of the client (the agent's transparent mode).
            docker.createNetwork(LabNames.network(plan().name(), n.key()), n.subnet(), labLabel,
                    !n.key().equals(LabNetwork.WAN));
        }
        for (LabHost host : hosts.values()) {
            List<Attachment> attachments = host.plan().attachments();
            Attachment first = attachments.get(0);
            docker.runContainer(host.containerName(), host.name(), LabNames.network(plan().name(), first.network()),
                    first.address(), Map.of(LabNames.LAB_LABEL, plan().name(), LabNames.HOST_LABEL, host.name()),
                    spec().image());
            // Connect order fixes the interface names: eth0 = first network, eth1 = second, ...
            for (Attachment more : attachments.subList(1, attachments.size())) {
                docker.connect(LabNames.network(plan().name(), more.network()), host.containerName(), more.address());
            }
        }
        String authorizedKey = key.publicKeyLine() + "\n";
        for (LabHost host : hosts.values()) {
            var installed = docker.exec(host.containerName(),
                    "umask 077 && mkdir -p /root/.ssh && cat > /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys",
                    authorizedKey);
            if (!installed.ok()) {
                throw new LabException("cannot install the lab SSH key on " + host.name() + ": " + installed.stderr().strip());
            }
        }
        Instant deadline = Instant.now().plus(spec().startupTimeout());
        for (LabHost host : hosts.values()) {
            SshPort.await(host.name(), host.address(), deadline, spec().startupTimeout());
        }
        writeKnownHosts();
        InventoryWriter.write(inventoryFile(), plan(), key.privateKey(), knownHostsFile());
        try {
            Files.writeString(stateFile(), LabStateFile.render(plan(), spec().image(), inventoryFile(), key, knownHostsFile()));
        } catch (IOException e) {
            throw new LabException("cannot write " + stateFile() + ": " + e.getMessage(), e);
        }
    }

    // sshd is up, so `ssh-keygen -A` (run before it in the image's CMD) has made the host keys.
    private void writeKnownHosts() {
        StringBuilder sb = new StringBuilder();
        for (LabHost host : hosts.values()) {
            String[] key = host.run("cat /etc/ssh/ssh_host_ed25519_key.pub").strip().split("\\s+");
            if (key.length < 2 || !key[0].equals("ssh-ed25519")) {
                throw new LabException("lab host " + host.name() + " has no usable ed25519 host key: " + String.join(" ", key));
            }
            for (String address : host.addresses()) {
                sb.append(address).append(' ').append(key[0]).append(' ').append(key[1]).append('\n');
            }
        }
        saveKnownHosts(sb.toString());
    }

    public Path stateFile() {
        return dir().resolve(LabStateFile.FILE_NAME);
    }

    @Override
    public Path privateKey() {
        return key.privateKey();
    }

    public LabHost host(String name) {
        LabHost host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("lab " + name() + " has no host '" + name + "'; its hosts are "
                    + String.join(", ", hosts.keySet()));
        }
        return host;
    }

    public List<LabHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public List<LabHost> hosts(Role role) {
        return hosts.values().stream().filter(h -> h.role() == role).collect(Collectors.toList());
    }

    /** The OpenSSH client command line (strict host key checking against the lab's known_hosts) to run {@code remoteCommand}. */
    public List<String> sshCommand(String hostName, String remoteCommand) {
        return List.of("ssh", "-i", privateKey().toString(),
                "-o", "UserKnownHostsFile=" + knownHostsFile(), "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR",
                "root@" + host(hostName).address(), remoteCommand);
    }

    @Override
    public void close() {
        down(spec().stateDir(), name(), docker);
    }
}
