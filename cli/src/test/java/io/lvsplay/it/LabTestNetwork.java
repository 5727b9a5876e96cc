package io.lvsplay.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network.Ipam;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;

/**
 * A Testcontainers network with the test class's own fixed subnet (so a host keeps its address
 * when it is cut off and reconnected, and an unused address in it is known to be silent).
 * Ryuk cannot run here, so the network and its {@link LabHostContainer}s carry the label
 * {@value #LABEL}={@code name}: creating the network first removes whatever a crashed run left.
 */
public final class LabTestNetwork implements AutoCloseable {
    public static final String LABEL = "lvsplay.it";

    private final String labName;
    private final String subnet;
    private final Network network;

    private LabTestNetwork(String labName, String subnet) {
        this.labName = labName;
        this.subnet = subnet;
        this.network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withName(name())
                .withLabels(Map.of(LABEL, labName))
                .withIpam(new Ipam().withConfig(new Ipam.Config().withSubnet(subnet)))).build();
    }

    /** The network {@code lvsplay-it-<labName>} on {@code subnet} (e.g. 10.250.10.0/24), created now. */
    public static LabTestNetwork create(String labName, String subnet) {
        removeLeftovers(labName);
        LabTestNetwork created = new LabTestNetwork(labName, subnet);
        created.network.getId();
        return created;
    }

    public String labName() {
        return labName;
    }

    public String name() {
        return "lvsplay-it-" + labName;
    }

    public Network network() {
        return network;
    }

    /** An address of the subnet by its last byte: {@code address(250)} on 10.250.10.0/24 is 10.250.10.250. */
    public String address(int lastByte) {
        String base = subnet.substring(0, subnet.indexOf('/'));
        return base.substring(0, base.lastIndexOf('.') + 1) + lastByte;
    }

    @Override
    public void close() {
        network.close();
    }

    private static void removeLeftovers(String labName) {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, labName)).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        docker.listNetworksCmd().withFilter("label", List.of(LABEL + "=" + labName)).exec()
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
    }
}
