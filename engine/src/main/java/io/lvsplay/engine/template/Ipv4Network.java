package io.lvsplay.engine.template;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 address with its prefix length, as written "10.10.10.100/24" or "10.10.10.100". */
record Ipv4Network(long address, int prefix) {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

  static Optional<Ipv4Network> parse(String text) {
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long address = 0;
    for (int octet = 1; octet <= 4; octet++) {
      int value = Integer.parseInt(matcher.group(octet));
      if (value > 255) {
        return Optional.empty();
      }
      address = address << 8 | value;
    }
    int prefix = matcher.group(5) == null ? 32 : Integer.parseInt(matcher.group(5));
    return prefix > 32 ? Optional.empty() : Optional.of(new Ipv4Network(address, prefix));
  }

  long mask() {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  long network() {
    return address & mask();
  }

  long broadcast() {
    return network() | (~mask() & 0xFFFFFFFFL);
  }

  boolean isPrivate() {
    return within("10.0.0.0/8") || within("172.16.0.0/12") || within("192.168.0.0/16");
  }

  private boolean within(String cidr) {
    Ipv4Network range = parse(cidr).orElseThrow();
    return (address & range.mask()) == range.network();
  }

  static String dotted(long value) {
    return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
  }
}
