package io.lvsplay.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commonly used part of ansible.utils.ipaddr for IPv4: validation and the queries address,
 * prefix, netmask, network, network/prefix, host, broadcast, size, private and public. Like
 * Ansible, an invalid value yields False, and a list keeps only the items that qualify.
 */
final class IpAddrFilters {
  private IpAddrFilters() {}

  static List<NamedFilter> all() {
    return List.of(
        new NamedFilter("ipaddr", IpAddrFilters::ipaddr),
        new NamedFilter("ipv4", IpAddrFilters::ipaddr));
  }

  private static Object ipaddr(Object input, FilterArgs args) {
    String query = args.string(0, "query", "");
    if (Values.isSequence(input)) {
      List<Object> kept = new ArrayList<>();
      for (Object item : Values.toList(input)) {
        Object result = query(PythonRepr.str(item), query);
        if (!Boolean.FALSE.equals(result)) {
          kept.add(result);
        }
      }
      return kept;
    }
    return query(PythonRepr.str(input), query);
  }

  private static Object query(String value, String query) {
    Optional<Ipv4Network> parsed = Ipv4Network.parse(value);
    if (parsed.isEmpty()) {
      return false;
    }
    Ipv4Network ip = parsed.get();
    return switch (query) {
      case "" -> value.trim();
      case "address" -> Ipv4Network.dotted(ip.address());
      case "prefix" -> (long) ip.prefix();
      case "netmask" -> Ipv4Network.dotted(ip.mask());
      case "network" -> Ipv4Network.dotted(ip.network());
      case "network/prefix", "subnet", "cidr" -> Ipv4Network.dotted(ip.network()) + "/" + ip.prefix();
      case "host", "host/prefix", "address/prefix" -> Ipv4Network.dotted(ip.address()) + "/" + ip.prefix();
      case "broadcast" -> Ipv4Network.dotted(ip.broadcast());
      case "size" -> ip.broadcast() - ip.network() + 1;
      case "private" -> ip.isPrivate() ? value.trim() : false;
      case "public" -> ip.isPrivate() ? false : value.trim();
      default -> throw Strictness.fail("ipaddr: unsupported query '" + query + "'");
    };
  }
}
