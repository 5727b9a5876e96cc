package io.lvsplay.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What lab to bring up. Build with {@link #builder()}; every field has a default that reproduces the
 * classic LVS tutorial layout (lab "lvsplay", DR, two real servers, 10.10.10.0/24 and 20.20.20.0/24).
 * Override the subnets to run several labs side by side.
 */
public record LabSpec(
        String name,
        LabTopology topology,
        int realServers,
        Subnet lanSubnet,
        Subnet wanSubnet,
        Path stateDir,
        String image,
        String scheduler,
        String dataplane,
        Duration startupTimeout) {

    public static final String DEFAULT_NAME = "lvsplay";
    public static final Subnet DEFAULT_LAN = Subnet.parse("10.10.10.0/24");
    public static final Subnet DEFAULT_WAN = Subnet.parse("20.20.20.0/24");
    public static final Path DEFAULT_STATE_DIR = Path.of(".lab");

    // Docker container and network names are built from it, so keep to what Docker accepts.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

    public LabSpec {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(lanSubnet, "lanSubnet");
        Objects.requireNonNull(wanSubnet, "wanSubnet");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("lab name '" + name
                    + "' must be 1-40 characters of a-z, 0-9, '_', '.', '-' and start with a letter or digit");
        }
        // The upper bound depends on the topology (real servers must stay below the VIP): LabTopology checks it.
        if (realServers < 1) {
            throw new IllegalArgumentException("a lab needs at least one real server, not " + realServers);
        }
        if (topology == LabTopology.NAT && lanSubnet.equals(wanSubnet)) {
            throw new IllegalArgumentException(
                    "a NAT lab needs two different subnets, but lan and wan are both " + lanSubnet);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where this lab's key, known_hosts, inventory and lab.json live: {@code <stateDir>/<name>}. */
    public Path labDir() {
        return stateDir.resolve(name);
    }

    public static final class Builder {
        private String name = DEFAULT_NAME;
        private LabTopology topology = LabTopology.DR;
        private int realServers = 2;
        private Subnet lanSubnet = DEFAULT_LAN;
        private Subnet wanSubnet = DEFAULT_WAN;
        private Path stateDir = DEFAULT_STATE_DIR;
        private String image = LabImage.LATEST;
        private String scheduler = "rr";
        private String dataplane = "auto";
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder topology(LabTopology topology) {
            this.topology = topology;
            return this;
        }

        public Builder realServers(int realServers) {
            this.realServers = realServers;
            return this;
        }

        /** The network of the real servers (and, except for NAT, of everything else). */
        public Builder lanSubnet(String cidr) {
            this.lanSubnet = Subnet.parse(cidr);
            return this;
        }

        /** The client-side network of a NAT lab; other topologies ignore it. */
        public Builder wanSubnet(String cidr) {
            this.wanSubnet = Subnet.parse(cidr);
            return this;
        }

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** The inventory's {@code lvs_scheduler} (rr, wrr, lc, ...). */
        public Builder scheduler(String scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** The inventory's {@code lvs_dataplane} (auto, ipvs, agent). */
        public Builder dataplane(String dataplane) {
            this.dataplane = dataplane;
            return this;
        }

        /** How long {@code up} waits for every host's sshd to answer. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public LabSpec build() {
            return new LabSpec(name, topology, realServers, lanSubnet, wanSubnet, stateDir, image,
                    scheduler, dataplane, startupTimeout);
        }
    }
}
