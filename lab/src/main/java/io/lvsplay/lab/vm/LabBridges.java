package io.lvsplay.lab.vm;

import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.lab.LabException;
import io.lvsplay.lab.LabNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host side of a VM lab's networks: one Linux bridge per lab network with the subnet's .1 on it (so
 * this machine can SSH to the VMs), one tap per VM NIC, and FORWARD rules that keep the lab to itself.
 *
 * <p>Why the rules: the host may route (Docker turns on ip_forward), and the VMs' default route points at
 * the bridge, so without them a VM could send packets out through the host's uplink. Frames between VMs on
 * one bridge stay allowed (with br_netfilter loaded they also pass the FORWARD chain, whose policy Docker
 * sets to DROP). Every link carries the ifalias {@link VmNames#alias} and every rule the comment
 * {@link VmNames#firewallComment}, which is how {@link #remove} finds them.
 */
final class LabBridges {

    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    private LabBridges() {
    }

    static void createBridge(String lab, LabNetwork network) {
        String bridge = VmNames.bridge(lab, network.key());
        refuseUsedSubnet(bridge, network);
        HostCommand.check("ip", "link", "add", bridge, "type", "bridge");
        HostCommand.check("ip", "link", "set", "dev", bridge, "alias", VmNames.alias(lab));
        HostCommand.check("ip", "addr", "add", network.subnet().gateway() + "/24", "dev", bridge);
        HostCommand.check("ip", "link", "set", "dev", bridge, "up");
        String comment = VmNames.firewallComment(lab);
        // Inserted in reverse order at position 1: the ACCEPT must come before the two DROPs.
        iptables("-I", "FORWARD", "1", "-i", bridge, "!", "-o", bridge, "-m", "comment", "--comment", comment, "-j", "DROP");
        iptables("-I", "FORWARD", "1", "-o", bridge, "!", "-i", bridge, "-m", "comment", "--comment", comment, "-j", "DROP");
        iptables("-I", "FORWARD", "1", "-i", bridge, "-o", bridge, "-m", "comment", "--comment", comment, "-j", "ACCEPT");
    }

    static void createTap(String lab, VmNic nic) {
        HostCommand.check("ip", "tuntap", "add", "dev", nic.tap(), "mode", "tap");
        HostCommand.check("ip", "link", "set", "dev", nic.tap(), "alias", VmNames.alias(lab));
        HostCommand.check("ip", "link", "set", "dev", nic.tap(), "master", nic.bridge(), "up");
    }

    /** Deletes the lab's taps, bridges and firewall rules; returns how many links were deleted. */
    static int remove(String lab) {
        List<String> links = links(lab);
        // Taps first: a bridge is deleted more quietly without ports.
        links.sort((a, b) -> Boolean.compare(a.endsWith("-lan") || a.endsWith("-wan"), b.endsWith("-lan") || b.endsWith("-wan")));
        for (String link : links) {
            ExecResult deleted = HostCommand.run("ip", "link", "del", "dev", link);
            if (!deleted.ok() && Files.exists(SYS_CLASS_NET.resolve(link))) {
                throw new LabException("cannot delete " + link + " of VM lab " + lab + ": " + deleted.stderr().strip());
            }
        }
        removeFirewallRules(lab);
        return links.size();
    }

    /** The names of the links that carry the lab's alias. */
    static List<String> links(String lab) {
        String alias = VmNames.alias(lab);
        List<String> found = new ArrayList<>();
        try (Stream<Path> links = Files.list(SYS_CLASS_NET)) {
            for (Path link : links.toList()) {
                try {
                    if (Files.readString(link.resolve("ifalias")).strip().equals(alias)) {
                        found.add(link.getFileName().toString());
                    }
                } catch (IOException goneMeanwhile) {
                    // A link deleted while we look is not the lab's concern.
                }
            }
        } catch (IOException e) {
            throw new LabException("cannot list the host's network links in " + SYS_CLASS_NET + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static void removeFirewallRules(String lab) {
        String comment = VmNames.firewallComment(lab);
        ExecResult rules = HostCommand.run("iptables", "-S", "FORWARD");
        if (!rules.ok()) {
            return; // no iptables, so none of our rules either
        }
        for (String rule : rules.stdout().lines().toList()) {
            // iptables quotes a comment only when it has spaces, and ours has none; strip quotes all the same.
            List<String> words = Arrays.stream(rule.strip().split("\\s+")).map(w -> w.replace("\"", "")).toList();
            if (words.size() > 2 && words.get(0).equals("-A") && words.contains(comment)) {
                List<String> delete = new ArrayList<>(words);
                delete.set(0, "-D");
                iptables(delete.toArray(String[]::new));
            }
        }
    }

    // A subnet that is already routed on this host (a Docker network, another lab) would make SSH to the
    // VMs go to the wrong place; say so instead of building a lab nobody can reach.
    private static void refuseUsedSubnet(String bridge, LabNetwork network) {
        String routes = HostCommand.check("ip", "-4", "-o", "route", "show", "root", network.subnet().cidr()).strip();
        for (String route : routes.lines().toList()) {
            if (!route.contains(" dev " + bridge + " ")) {
                throw new LabException("subnet " + network.subnet() + " is already in use on this host (" + route.strip()
                        + "); pick another with --subnet/--wan-subnet, or remove what uses it");
            }
        }
    }

    private static void iptables(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("iptables");
        cmd.add("-w"); // wait for the xtables lock: Docker or another lab may hold it
        cmd.addAll(List.of(args));
        HostCommand.check(cmd.toArray(String[]::new));
    }
}
