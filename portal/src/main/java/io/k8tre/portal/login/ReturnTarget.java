package io.k8tre.portal.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides whether a {@code redirect} target may be followed after login or logout.
 *
 * <p>Browsers read many strings that look like local paths as other origins ({@code
 * //evil.example}, {@code /\evil.example}, {@code https:evil.example}, encoded or with tabs), so
 * the target is parsed and judged on its parsed parts: a same-origin absolute path, or an http(s)
 * URL whose host is the environment domain or a sub-domain of it, compared label by label. Anything
 * with user-info, a backslash or a control character, raw or percent-encoded, is refused.
 */
public final class ReturnTarget {

  static final int MAX_LENGTH = 2048;

  private ReturnTarget() {}

  /** Outcome of a check: the target to use, or why it was refused. */
  public record Outcome(String target, String rejection) {

    static Outcome accept(String target) {
      return new Outcome(target, null);
    }

    static Outcome reject(String reason) {
      return new Outcome(null, reason);
    }

    public boolean accepted() {
      return target != null;
    }
  }

  /** Checks {@code raw} against the environment {@code domain}. */
  public static Outcome check(String raw, String domain) {
    if (raw == null || raw.isEmpty()) {
      return Outcome.reject("redirect.empty");
    }
    if (raw.length() > MAX_LENGTH) {
      return Outcome.reject("redirect.too-long");
    }
    String unsafe = unsafeCharacter(raw);
    if (unsafe != null) {
      return Outcome.reject(unsafe);
    }
    String decoded = decodeFully(raw);
    if (decoded == null) {
      return Outcome.reject("redirect.bad-encoding");
    }
    unsafe = unsafeCharacter(decoded);
    if (unsafe != null) {
      return Outcome.reject(unsafe);
    }
    if (raw.startsWith("/")) {
      return checkPath(raw, decoded);
    }
    return checkAbsolute(raw, domain);
  }

  private static Outcome checkPath(String raw, String decoded) {
    if (raw.startsWith("//") || decoded.startsWith("//")) {
      return Outcome.reject("redirect.other-origin");
    }
    for (String segment : decoded.split("[/?#]", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Outcome.reject("redirect.dot-segment");
      }
    }
    try {
      URI uri = new URI(raw);
      if (uri.getScheme() != null || uri.getRawAuthority() != null) {
        return Outcome.reject("redirect.other-origin");
      }
      return Outcome.accept(raw);
    } catch (URISyntaxException e) {
      return Outcome.reject("redirect.malformed");
    }
  }

  private static Outcome checkAbsolute(String raw, String domain) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      return Outcome.reject("redirect.malformed");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Outcome.reject("redirect.scheme");
    }
    // "https:evil.example" is opaque to java.net.URI but a browser resolves it as a host.
    if (uri.isOpaque() || !raw.regionMatches(true, scheme.length(), "://", 0, 3)) {
      return Outcome.reject("redirect.malformed");
    }
    if (uri.getRawUserInfo() != null
        || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      return Outcome.reject("redirect.userinfo");
    }
    if (uri.getHost() == null) {
      return Outcome.reject("redirect.malformed");
    }
    if (!isWithinDomain(uri.getHost(), domain)) {
      return Outcome.reject("redirect.other-origin");
    }
    return Outcome.accept(uri.toASCIIString());
  }

  /** True when {@code host} equals {@code domain} or ends with all of its labels. */
  static boolean isWithinDomain(String host, String domain) {
    if (domain == null || domain.isEmpty()) {
      return false;
    }
    String[] hostLabels = host.toLowerCase(Locale.ROOT).split("\\.", -1);
    String[] domainLabels = domain.toLowerCase(Locale.ROOT).split("\\.", -1);
    if (hostLabels.length < domainLabels.length) {
      return false;
    }
    int offset = hostLabels.length - domainLabels.length;
    for (int i = 0; i < domainLabels.length; i++) {
      if (domainLabels[i].isEmpty() || !domainLabels[i].equals(hostLabels[offset + i])) {
        return false;
      }
    }
    for (int i = 0; i < offset; i++) {
      if (hostLabels[i].isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String unsafeCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "redirect.control-character";
      }
      if (c == '\\') {
        return "redirect.backslash";
      }
      if (c > 0x7e) {
        return "redirect.non-ascii";
      }
    }
    return null;
  }

  /** Percent-decodes until stable (bounded), so double encoding cannot hide a character. */
  private static String decodeFully(String value) {
    String current = value;
    for (int round = 0; round < 4; round++) {
      String next;
      try {
        next = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return null;
  }
}
