package io.k8tre.portal.launch;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code json-secret-key} Guacamole shares with the portal: the same bytes are the AES key and
 * the HMAC key (guacamole-json.md §3). 32 hex digits as Guacamole documents; 64 are accepted
 * because K8TRE's existing secret stores hold such keys and Guacamole then silently uses AES-256.
 */
public final class GuacamoleKey {

  private final byte[] bytes;

  private GuacamoleKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The key, or empty when the text is not 32 or 64 hex digits (either case). */
  public static Optional<GuacamoleKey> parse(String hex) {
    if (hex == null) {
      return Optional.empty();
    }
    String digits = hex.strip().toLowerCase(Locale.ROOT);
    if ((digits.length() != 32 && digits.length() != 64) || !digits.matches("[0-9a-f]+")) {
      return Optional.empty();
    }
    return Optional.of(new GuacamoleKey(HexFormat.of().parseHex(digits)));
  }

  /** A copy of the raw key bytes. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** Bits of the AES key, as Guacamole will use it. */
  int bits() {
    return bytes.length * 8;
  }

  @Override
  public String toString() {
    return "GuacamoleKey[" + bits() + " bit, value hidden]";
  }
}
