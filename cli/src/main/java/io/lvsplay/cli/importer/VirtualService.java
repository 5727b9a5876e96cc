package io.lvsplay.cli.importer;

import java.util.List;

/**
 * One IPVS virtual service as an existing director defines it, in the playbooks' terms: the mode
 * is lvs_mode (dr, nat, tun), read from the real servers' forwarding method.
 */
public record VirtualService(String vip, int port, String protocol, String scheduler, int persistence, String mode,
        List<RealServer> realServers) {

    public VirtualService {
        realServers = List.copyOf(realServers);
    }

    /** "tcp 10.10.10.100:80", as ipvsadm names a service. */
    public String key() {
        return protocol + " " + vip + ":" + port;
    }

    /** A real server of a service. */
    public record RealServer(String address, int port, int weight) {
    }
}
