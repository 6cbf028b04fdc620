package io.k8tre.portal.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals read from headers and settings, never looked up: an IPv4 address in dotted
 * decimal, or an IPv6 address. Text that is neither is no address. {@link InetAddress#getByName}
 * alone would send anything else (such as {@code dead.beef}, made only of characters an address may
 * hold) to DNS, from the request's thread.
 */
public final class IpLiterals {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiterals() {}

  /** The address's bytes (4 or 16; an IPv4-mapped IPv6 address gives 4), or empty. */
  public static Optional<byte[]> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher v4 = IPV4.matcher(text);
    if (v4.matches()) {
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(v4.group(i + 1));
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    if (text.indexOf(':') < 0 || !IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      // In brackets the JDK takes the text as an IPv6 literal or refuses it; it never looks it up.
      return Optional.of(InetAddress.getByName("[" + text + "]").getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
