package io.lvsplay.engine.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the output of {@link FactScript} into Ansible-shaped facts: keys as in {@code ansible_facts}
 * (hostname, os_family, default_ipv4.address, eth0.ipv4.netmask, interfaces, service_mgr, ...) plus
 * lvsplay's own {@code ipvs} and {@code ipip} (loaded / loadable / absent).
 */
public final class FactParser {
    private FactParser() {
    }

    public static Map<String, Object> parse(String output) {
        Map<String, List<String>> sections = sections(output);
        Map<String, Object> facts = new LinkedHashMap<>();
        String hostname = first(sections, "hostname");
        facts.put("hostname", hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname);
        facts.put("nodename", hostname);
        facts.put("fqdn", first(sections, "fqdn"));
        List<String> uname = sections.getOrDefault("uname", List.of());
        facts.put("system", uname.size() > 0 ? uname.get(0) : "Linux");
        facts.put("kernel", uname.size() > 1 ? uname.get(1) : "");
        facts.put("architecture", uname.size() > 2 ? uname.get(2) : "");
        facts.put("kernel_version", uname.size() > 3 ? uname.get(3) : "");
        putOsRelease(facts, sections.getOrDefault("os_release", List.of()));
        Map<String, Map<String, Object>> interfaces = interfaces(sections);
        facts.put("interfaces", new ArrayList<>(interfaces.keySet()));
        List<String> allIpv4 = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : interfaces.entrySet()) {
            facts.put(e.getKey().replace('-', '_').replace(':', '_'), e.getValue());
            collectIpv4(e.getValue(), allIpv4);
        }
        facts.put("all_ipv4_addresses", allIpv4);
        facts.put("default_ipv4", defaultIpv4(first(sections, "default_route"), interfaces));
        facts.put("service_mgr", first(sections, "init"));
        String pkg = first(sections, "pkg_mgr");
        facts.put("pkg_mgr", pkg.equals("apt-get") ? "apt" : pkg.isEmpty() ? "unknown" : pkg);
        String ipvs = first(sections, "ipvs");
        facts.put("ipvs", Map.of("state", ipvs.isEmpty() ? "absent" : ipvs,
                "available", ipvs.equals("loaded") || ipvs.equals("loadable")));
        String ipip = first(sections, "ipip");
        facts.put("ipip", Map.of("state", ipip.isEmpty() ? "absent" : ipip,
                "available", ipip.equals("loaded") || ipip.equals("loadable")));
        List<String> user = sections.getOrDefault("user", List.of());
        facts.put("user_id", user.isEmpty() ? "" : user.get(0));
        facts.put("user_uid", user.size() > 1 ? parseIntOr(user.get(1), -1) : -1);
        facts.put("processor_vcpus", parseIntOr(first(sections, "nproc"), 1));
        for (String line : sections.getOrDefault("meminfo", List.of())) {
            String[] parts = line.split("\\s+");
            if (parts.length >= 2) {
                int mb = parseIntOr(parts[1], 0) / 1024;
                facts.put(parts[0].startsWith("MemTotal") ? "memtotal_mb" : "memfree_mb", mb);
            }
        }
        String virt = first(sections, "virt");
        facts.put("virtualization_type", virt.equals("none") ? "" : virt);
        facts.put("virtualization_role", virt.equals("none") ? "" : "guest");
        facts.putAll(python(sections.getOrDefault("python", List.of())));
        facts.put("env", environment(sections.getOrDefault("env", List.of())));
        return facts;
    }

    /**
     * ansible_python and ansible_python_version as Ansible's python fact collector: version (major ...
     * serial), version_info, executable, has_sslcontext, type (sys.implementation.name).
     */
    static Map<String, Object> python(List<String> lines) {
        Map<String, Object> python = new LinkedHashMap<>();
        String[] v = lines.size() > 1 ? lines.get(1).trim().split(" ", 8) : new String[0];
        if (v.length < 8) {
            python.put("executable", lines.isEmpty() ? "" : lines.get(0).trim());
            return Map.of("python", python);
        }
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", parseIntOr(v[0], 0));
        version.put("minor", parseIntOr(v[1], 0));
        version.put("micro", parseIntOr(v[2], 0));
        version.put("releaselevel", v[3]);
        version.put("serial", parseIntOr(v[4], 0));
        python.put("version", version);
        python.put("version_info", List.of(version.get("major"), version.get("minor"), version.get("micro"), v[3], version.get("serial")));
        python.put("executable", v[7]);
        python.put("has_sslcontext", v[6].equals("True"));
        python.put("type", v[5]);
        // platform.python_version() of a final release: "3.11.2"
        String text = v[0] + "." + v[1] + "." + v[2];
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("python", python);
        facts.put("python_version", text);
        return facts;
    }

    /** ansible_env: the variables the remote shell sees, in the order env printed them. */
    private static Map<String, Object> environment(List<String> lines) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1).replace('\u0001', '\n'));
            }
        }
        return env;
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("@@")) {
                current = new ArrayList<>();
                sections.put(line.substring(2).trim(), current);
            } else if (current != null && !line.isBlank()) {
                current.add(line);
            }
        }
        return sections;
    }

    private static String first(Map<String, List<String>> sections, String name) {
        List<String> lines = sections.getOrDefault(name, List.of());
        return lines.isEmpty() ? "" : lines.get(0).trim();
    }

    private static void putOsRelease(Map<String, Object> facts, List<String> lines) {
        Map<String, String> os = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                os.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
        }
        String id = os.getOrDefault("ID", "linux");
        String distribution = switch (id) {
            case "debian" -> "Debian";
            case "ubuntu" -> "Ubuntu";
            case "centos" -> "CentOS";
            case "rhel" -> "RedHat";
            case "rocky" -> "Rocky";
            case "almalinux" -> "AlmaLinux";
            case "fedora" -> "Fedora";
            case "ol" -> "OracleLinux";
            case "amzn" -> "Amazon";
            case "opensuse-leap", "opensuse-tumbleweed", "sles" -> "SUSE";
            case "alpine" -> "Alpine";
            case "arch" -> "Archlinux";
            default -> id.isEmpty() ? "Linux" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
        String like = os.getOrDefault("ID_LIKE", "");
        String family;
        if (id.equals("debian") || id.equals("ubuntu") || like.contains("debian")) {
            family = "Debian";
        } else if (List.of("rhel", "centos", "rocky", "almalinux", "fedora", "ol", "amzn").contains(id)
                || like.contains("rhel") || like.contains("fedora")) {
            family = "RedHat";
        } else if (id.contains("suse") || like.contains("suse")) {
            family = "Suse";
        } else if (id.equals("alpine")) {
            family = "Alpine";
        } else if (id.equals("arch")) {
            family = "Archlinux";
        } else {
            family = distribution;
        }
        String version = os.getOrDefault("VERSION_ID", "");
        facts.put("distribution", distribution);
        facts.put("os_family", family);
        facts.put("distribution_version", version);
        facts.put("distribution_major_version", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
        facts.put("distribution_release", os.getOrDefault("VERSION_CODENAME", ""));
        facts.put("lsb", Map.of("id", distribution, "release", version, "codename", os.getOrDefault("VERSION_CODENAME", "")));
    }

    private static Map<String, Map<String, Object>> interfaces(Map<String, List<String>> sections) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (String line : sections.getOrDefault("links", List.of())) {
            String[] parts = line.split(":\\s+", 3);
            if (parts.length < 3) {
                continue;
            }
            String name = stripPeer(parts[1].trim());
            Map<String, Object> iface = result.computeIfAbsent(name, FactParser::newInterface);
            String rest = parts[2];
            iface.put("active", rest.contains("LOWER_UP") || rest.contains(",UP") || rest.startsWith("<UP"));
            int ether = rest.indexOf("link/ether ");
            if (ether >= 0) {
                iface.put("macaddress", rest.substring(ether + 11).split("\\s+")[0]);
            }
            int mtu = rest.indexOf("mtu ");
            if (mtu >= 0) {
                iface.put("mtu", parseIntOr(rest.substring(mtu + 4).split("\\s+")[0], 0));
            }
            iface.put("type", rest.contains("link/loopback") ? "loopback" : rest.contains("link/ipip") ? "tunnel" : "ether");
        }
        for (String line : sections.getOrDefault("addresses", List.of())) {
            String[] words = line.replace("\\", " ").trim().split("\\s+");
            if (words.length < 4) {
                continue;
            }
            String name = stripPeer(words[1]);
            Map<String, Object> iface = result.computeIfAbsent(name, FactParser::newInterface);
            if (words[2].equals("inet")) {
                Map<String, Object> addr = ipv4(words[3]);
                String label = labelOf(words);
                if (label != null && !label.equals(name)) {
                    addr.put("label", label);
                }
                if (!iface.containsKey("ipv4")) {
                    iface.put("ipv4", addr);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> secondaries = (List<Object>) iface.computeIfAbsent("ipv4_secondaries", k -> new ArrayList<>());
                    secondaries.add(addr);
                }
            } else if (words[2].equals("inet6")) {
                String[] ap = words[3].split("/");
                @SuppressWarnings("unchecked")
                List<Object> v6 = (List<Object>) iface.computeIfAbsent("ipv6", k -> new ArrayList<>());
                v6.add(Map.of("address", ap[0], "prefix", ap.length > 1 ? ap[1] : "128",
                        "scope", valueAfter(words, "scope", "global")));
            }
        }
        return result;
    }

    private static String labelOf(String[] words) {
        // "... scope global [secondary dynamic noprefixroute ...] eth0:0\ valid_lft ...": iproute2 prints the
        // label last, just before the lifetimes
        int end = words.length;
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("valid_lft")) {
                end = i;
                break;
            }
        }
        return end > 4 && !words[end - 2].equals("scope") ? words[end - 1] : null;
    }

    private static String valueAfter(String[] words, String key, String fallback) {
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals(key)) {
                return words[i + 1];
            }
        }
        return fallback;
    }

    private static Map<String, Object> newInterface(String name) {
        Map<String, Object> iface = new LinkedHashMap<>();
        iface.put("device", name);
        iface.put("active", true);
        return iface;
    }

    private static String stripPeer(String name) {
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    /** "10.10.10.11/24" → address, prefix, netmask, network, broadcast. */
    static Map<String, Object> ipv4(String cidr) {
        String[] parts = cidr.split("/");
        int prefix = parts.length > 1 ? parseIntOr(parts[1], 32) : 32;
        long addr = toLong(parts[0]);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", parts[0]);
        m.put("prefix", String.valueOf(prefix));
        m.put("netmask", toDotted(mask));
        m.put("network", toDotted(addr & mask));
        m.put("broadcast", toDotted((addr & mask) | (~mask & 0xFFFFFFFFL)));
        return m;
    }

    private static Map<String, Object> defaultIpv4(String route, Map<String, Map<String, Object>> interfaces) {
        Map<String, Object> result = new LinkedHashMap<>();
        String[] words = route.trim().split("\\s+");
        String dev = valueAfter(words, "dev", null);
        String gateway = valueAfter(words, "via", null);
        if (dev == null) {
            return result;
        }
        result.put("interface", dev);
        result.put("alias", dev);
        if (gateway != null) {
            result.put("gateway", gateway);
        }
        Map<String, Object> iface = interfaces.get(dev);
        if (iface != null && iface.get("ipv4") instanceof Map<?, ?> v4) {
            v4.forEach((k, v) -> result.put(String.valueOf(k), v));
            if (iface.get("macaddress") != null) {
                result.put("macaddress", iface.get("macaddress"));
            }
        }
        return result;
    }

    /** Like Ansible: every IPv4 address but 127.* (a VIP on lo of an LVS-DR real server counts). */
    private static void collectIpv4(Map<String, Object> iface, List<String> out) {
        List<Object> all = new ArrayList<>();
        all.add(iface.get("ipv4"));
        if (iface.get("ipv4_secondaries") instanceof List<?> list) {
            all.addAll(list);
        }
        for (Object o : all) {
            if (o instanceof Map<?, ?> m && !String.valueOf(m.get("address")).startsWith("127.")) {
                out.add(String.valueOf(m.get("address")));
            }
        }
    }

    private static long toLong(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) {
            v = (v << 8) | (parseIntOr(part, 0) & 0xFF);
        }
        return v;
    }

    private static String toDotted(long v) {
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
