package io.k8tre.portal.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names of desktops. The readable part (user and project reduced to {@code [a-z0-9-]}, 20
 * characters each) can be the same for different people; the hash suffix, over the exact user and
 * project separated by a NUL that neither can contain, is what keeps two pairs apart. At most 54
 * characters, so the operator's {@code vdi-<name>} Service name stays a valid 63-character DNS
 * label.
 */
public final class DesktopNames {

  private static final int PART = 20;
  private static final int HASH_HEX = 12;

  private DesktopNames() {}

  /** The VDIInstance name of this person's desktop in this project. */
  public static String of(String user, String project) {
    return slug(user, PART) + "-" + slug(project, PART) + "-" + hash(user + "\0" + project);
  }

  /**
   * A label value for the owner: the readable slug and the user's own hash, so a list by label
   * finds few strangers; callers still compare {@code spec.user} exactly.
   */
  public static String ownerLabel(String user) {
    return slug(user, 40) + "-" + hash(user);
  }

  private static String slug(String text, int max) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.length() > max) {
      s = s.substring(0, max).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "x" : s;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
