package io.lvsplay.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LVS setups a lab can model, with the classic LVS HOWTO addresses (last octets): director .11,
 * real servers from .12 upward, VIP .100, client .200. Only the subnets vary.
 * <ul>
 *   <li>DR, TUN: one network; director, real servers, client.</li>
 *   <li>NAT: a wan network (director .11, client .20, VIP .100) and a lan network (director's DIP .11,
 *       real servers from .12); the director's interfaces are eth0 = wan, eth1 = lan. Every
 *       even-numbered real server listens on port 8080, as in the tutorial.</li>
 *   <li>HA: one network; director1 .11 (MASTER by inventory order), director2 .12 (BACKUP), real servers from .13.</li>
 * </ul>
 */
public enum LabTopology {
    DR("dr"),
    NAT("nat"),
    TUN("tun"),
    HA("dr");

    static final int DIRECTOR = 11;
    static final int FIRST_REAL_SERVER = 12;
    static final int VIP = 100;
    static final int CLIENT = 200;
    static final int NAT_CLIENT = 20;
    static final int NAT_RS_ALT_PORT = 8080;
    static final int VIP_PORT = 80;

    private final String lvsMode;

    LabTopology(String lvsMode) {
        this.lvsMode = lvsMode;
    }

    /** The inventory's {@code lvs_mode}: HA labs forward by direct routing. */
    public String lvsMode() {
        return lvsMode;
    }

    /** The name users type: dr, nat, tun, ha. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LabTopology parse(String text) {
        for (LabTopology t : values()) {
            if (t.cliName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown lab topology '" + text + "': use one of dr, nat, tun, ha");
    }

    LabPlan plan(LabSpec spec) {
        Subnet lan = spec.lanSubnet();
        List<LabNetwork> networks = new ArrayList<>();
        List<HostPlan> hosts = new ArrayList<>();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("lvs_mode", lvsMode);
        String vip;
        if (this == NAT) {
            Subnet wan = spec.wanSubnet();
            networks.add(new LabNetwork(LabNetwork.WAN, wan));
            networks.add(new LabNetwork(LabNetwork.LAN, lan));
            vip = wan.address(VIP);
            hosts.add(new HostPlan("director", Role.DIRECTOR, List.of(
                    new Attachment(LabNetwork.WAN, wan.address(DIRECTOR), "eth0"),
                    new Attachment(LabNetwork.LAN, lan.address(DIRECTOR), "eth1")),
                    orderedVars("lvs_external_iface", "eth0", "lvs_internal_iface", "eth1")));
            addRealServers(hosts, lan, FIRST_REAL_SERVER, spec.realServers(), true);
            hosts.add(singleHomed("client", Role.CLIENT, wan, NAT_CLIENT, LabNetwork.WAN));
            vars.put("vip", vip);
            vars.put("vip_port", Integer.toString(VIP_PORT));
            vars.put("lvs_dip", lan.address(DIRECTOR));
        } else {
            networks.add(new LabNetwork(LabNetwork.LAN, lan));
            vip = lan.address(VIP);
            int firstRealServer = FIRST_REAL_SERVER;
            if (this == HA) {
                hosts.add(new HostPlan("director1", Role.DIRECTOR,
                        List.of(new Attachment(LabNetwork.LAN, lan.address(DIRECTOR), "eth0")), Map.of()));
                hosts.add(new HostPlan("director2", Role.DIRECTOR,
                        List.of(new Attachment(LabNetwork.LAN, lan.address(DIRECTOR + 1), "eth0")), Map.of()));
                firstRealServer = DIRECTOR + 2;
            } else {
                hosts.add(singleHomed("director", Role.DIRECTOR, lan, DIRECTOR, LabNetwork.LAN));
            }
            addRealServers(hosts, lan, firstRealServer, spec.realServers(), false);
            hosts.add(singleHomed("client", Role.CLIENT, lan, CLIENT, LabNetwork.LAN));
            vars.put("vip", vip);
            vars.put("vip_port", Integer.toString(VIP_PORT));
            if (this == HA) {
                vars.put("lvs_ha", "true");
            }
        }
        vars.put("lvs_scheduler", spec.scheduler());
        vars.put("lvs_dataplane", spec.dataplane());
        // the lab is the one place the demo backend (nginx on the real servers) is wanted
        vars.put("lvs_demo_backend", "true");
        vars.put("lab_name", spec.name());
        return new LabPlan(spec.name(), this, networks, hosts, vip, VIP_PORT, vars);
    }

    private static Map<String, String> orderedVars(String k1, String v1, String k2, String v2) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(k1, v1);
        vars.put(k2, v2);
        return vars;
    }

    private static HostPlan singleHomed(String name, Role role, Subnet subnet, int octet, String network) {
        return new HostPlan(name, role, List.of(new Attachment(network, subnet.address(octet), "eth0")), Map.of());
    }

    private static void addRealServers(List<HostPlan> hosts, Subnet lan, int firstOctet, int count, boolean nat) {
        if (firstOctet + count - 1 >= VIP) {
            throw new IllegalArgumentException(count + " real servers starting at ." + firstOctet
                    + " would reach the VIP address ." + VIP + "; use fewer real servers");
        }
        for (int i = 1; i <= count; i++) {
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("rs_weight", "1");
            if (nat && i % 2 == 0) {
                vars.put("rs_port", Integer.toString(NAT_RS_ALT_PORT));
            }
            hosts.add(new HostPlan("rs" + i, Role.REAL_SERVER,
                    List.of(new Attachment(LabNetwork.LAN, lan.address(firstOctet + i - 1), "eth0")), vars));
        }
    }
}
