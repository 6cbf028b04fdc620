package io.k8tre.portal.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe ids for portal sessions (128 bits). */
final class SessionIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionIds() {}

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String shortAgent(String userAgent) {
    if (userAgent == null) {
      return "";
    }
    String printable = userAgent.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 200 ? printable.substring(0, 200) : printable;
  }
}
