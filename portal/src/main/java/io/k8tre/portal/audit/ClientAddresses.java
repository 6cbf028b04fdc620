package io.k8tre.portal.audit;

import io.k8tre.portal.gateway.GatewayProperties;
import io.k8tre.portal.gateway.IpLiterals;
import io.k8tre.portal.gateway.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The browser's address for the audit trail. {@code X-Forwarded-For} is read only when the TCP peer
 * is a configured proxy, from the right, skipping further trusted proxies: the first address not
 * ours is the client. Anything else a browser could have typed itself.
 */
@Component
public class ClientAddresses {

  private final TrustedProxies proxies;

  ClientAddresses(GatewayProperties gateway) {
    this.proxies = new TrustedProxies(gateway.trustedProxies());
  }

  /** The client's address, IPv6 in its short form (RFC 5952: {@code ::1}, not {@code 0:0:…:1}). */
  public String of(HttpServletRequest request) {
    return canonical(client(request));
  }

  private String client(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (!proxies.isTrusted(peer)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.length() > 1024) {
      String real = request.getHeader("X-Real-IP");
      return real != null && real.length() <= 64 && real.matches("[0-9A-Fa-f:.]+") ? real : peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.matches("[0-9A-Fa-f:.]{2,64}")) {
        return peer;
      }
      if (!proxies.isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  /**
   * An IPv6 literal in RFC 5952 form (lower case, no leading zeros, the longest run of two or more
   * zero groups as {@code ::}); anything else as it is.
   */
  static String canonical(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    byte[] bytes = IpLiterals.parse(address).orElse(null);
    if (bytes == null) {
      return address;
    }
    if (bytes.length == 4) {
      return ipv4(bytes); // an IPv4-mapped address, ::ffff:a.b.c.d
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static String ipv4(byte[] bytes) {
    return (bytes[0] & 0xff)
        + "."
        + (bytes[1] & 0xff)
        + "."
        + (bytes[2] & 0xff)
        + "."
        + (bytes[3] & 0xff);
  }
}
