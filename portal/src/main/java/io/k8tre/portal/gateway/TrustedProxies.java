package io.k8tre.portal.gateway;

import java.util.List;

/**
 * The addresses whose forwarding headers are believed. Matched against the TCP peer itself, never
 * against a forwarded address, since anything in a header can be typed by a browser.
 */
public final class TrustedProxies {

  private record Range(byte[] network, int prefix) {}

  private final List<Range> ranges;

  public TrustedProxies(List<String> cidrs) {
    this.ranges = cidrs.stream().map(TrustedProxies::parse).toList();
  }

  /** Whether the address literal lies in a trusted range; anything not a literal is not. */
  public boolean isTrusted(String address) {
    byte[] bytes = IpLiterals.parse(address).orElse(null);
    if (bytes == null) {
      return false;
    }
    for (Range range : ranges) {
      if (range.network.length == bytes.length && matches(range, bytes)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Range range, byte[] address) {
    int bits = range.prefix;
    for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((address[i] & mask) != (range.network[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static Range parse(String cidr) {
    String[] parts = cidr.strip().split("/", 2);
    byte[] network =
        IpLiterals.parse(parts[0])
            .orElseThrow(() -> new IllegalArgumentException("not an address range: " + cidr));
    try {
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("bad prefix in " + cidr);
      }
      return new Range(network, prefix);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an address range: " + cidr, e);
    }
  }
}
