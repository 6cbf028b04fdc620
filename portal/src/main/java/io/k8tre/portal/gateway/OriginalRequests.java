package io.k8tre.portal.gateway;

import io.k8tre.portal.login.RequestKind;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads nginx's auth sub-request into a {@link GatewayRequest}. The original URL comes from {@code
 * X-Original-URL} (or {@code X-Forwarded-Host} with {@code X-Original-URI}) only when the TCP peer
 * is a trusted proxy; from anyone else those headers are ignored. The path is decided on after
 * percent-decoding and removing dot segments, as the app behind nginx will see it.
 */
final class OriginalRequests {

  private static final Pattern HOST = Pattern.compile("[a-z0-9.-]{1,253}(:[0-9]{1,5})?");

  /** A path parameter: from a raw {@code ;} to the end of its segment. */
  private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(OriginalRequests.class);

  private final TrustedProxies proxies;

  OriginalRequests(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  /** The request to decide on, or null when the original URL is present but malformed. */
  GatewayRequest read(HttpServletRequest request) {
    List<String> cookies = Collections.list(request.getHeaders("Cookie"));
    String host = null;
    String path = null;
    String original = null;
    boolean trusted = proxies.isTrusted(request.getRemoteAddr());
    if (!trusted && originalUrl(request) != null) {
      // A proxy we do not trust is asking about some URL: deciding without it would skip the
      // app and ownership checks, so refuse and say why (likely portal.gateway.trusted-proxies).
      log.warn(
          "Gateway refused forwarding headers from an untrusted peer: peer={}; add the auth"
              + " proxies' addresses to portal.gateway.trusted-proxies",
          request.getRemoteAddr());
      return null;
    }
    if (trusted) {
      original = originalUrl(request);
      if (original == null) {
        // A proxy that does not say what it is asking about gets no decision: deciding without
        // the URL would skip the app and ownership checks.
        return null;
      }
      URI uri;
      try {
        uri = new URI(original);
      } catch (URISyntaxException e) {
        return null;
      }
      host = AppMatch.authority(uri);
      path = normalisedPath(uri.getRawPath());
      if (host == null
          || path == null
          || uri.getRawUserInfo() != null
          || !HOST.matcher(host).matches()) {
        return null;
      }
    }
    return new GatewayRequest(
        original,
        host,
        path,
        AuthCookies.tokens(cookies),
        AuthCookies.currentProject(cookies),
        bearer(request.getHeader("Authorization")),
        RequestKind.isApiCall(request));
  }

  private static String originalUrl(HttpServletRequest request) {
    String full = request.getHeader("X-Original-URL");
    if (full != null) {
      return full;
    }
    String uri = request.getHeader("X-Original-URI");
    String forwardedHost = request.getHeader("X-Forwarded-Host");
    if (uri == null || forwardedHost == null) {
      return null;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return (proto == null ? "https" : proto) + "://" + forwardedHost + uri;
  }

  /**
   * The decoded path, or null when it could be routed differently from how it reads: an encoded
   * slash or backslash (nginx and the hub's proxy route on the raw path, then decode), a dot
   * segment (resolved by some hops and not others), a control character or a backslash. Path
   * parameters ({@code ;…} in a raw segment) are dropped first, as servlet containers such as
   * Guacamole's Tomcat drop them: {@code /user;x/alwin-asthma/} is judged as {@code
   * /user/alwin-asthma/}, the stricter of the two readings.
   */
  static String normalisedPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    rawPath = PATH_PARAMETERS.matcher(rawPath).replaceAll("");
    String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c")) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return null;
      }
    }
    if (!decoded.startsWith("/")) {
      return null;
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return decoded.replaceAll("/{2,}", "/");
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String value = authorization.substring(7).strip();
    return value.isEmpty() ? null : value;
  }
}
