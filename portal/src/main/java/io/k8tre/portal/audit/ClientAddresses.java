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
   * zero groups as {@code ::}), an IPv4-mapped one as IPv4; anything else as it is.
   */
  static String canonical(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    return IpLiterals.parse(address).map(IpLiterals::text).orElse(address);
  }
}
