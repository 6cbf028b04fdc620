package io.k8tre.portal.gateway;

import io.netty.util.NetUtil;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals read from headers and settings, never looked up: an IPv4 address in dotted
 * decimal, or an IPv6 address. Text that is neither is no address. {@link
 * java.net.InetAddress#getByName} would send anything else (such as {@code dead.beef}, made only of
 * characters an address may hold) to DNS, from the request's thread; Netty's {@link NetUtil} only
 * parses.
 */
public final class IpLiterals {

  /** No brackets, zone ids or spaces: what a forwarding header holds for one address. */
  private static final Pattern ADDRESS_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1};

  private IpLiterals() {}

  /** The address's bytes (4 or 16; an IPv4-mapped IPv6 address gives 4), or empty. */
  public static Optional<byte[]> parse(String text) {
    if (text == null || !ADDRESS_CHARACTERS.matcher(text).matches()) {
      return Optional.empty();
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
    if (bytes != null
        && bytes.length == 16
        && Arrays.equals(bytes, 0, 12, IPV4_MAPPED_PREFIX, 0, 12)) {
      bytes = Arrays.copyOfRange(bytes, 12, 16);
    }
    return Optional.ofNullable(bytes);
  }

  /** The address written as RFC 5952 asks (IPv6 {@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
  public static String text(byte[] bytes) {
    return NetUtil.bytesToIpAddress(bytes);
  }
}
