package io.k8tre.portal.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;

/**
 * The cookies app hosts receive, scoped to the environment's parent domain: {@code
 * k8tre-auth-token-<project>} (the project token; HttpOnly) and {@code k8tre-project} (the project
 * last launched, which picks the token for paths that do not name a project). Names are K8TRE's, so
 * existing nginx configurations and scripts keep working.
 */
public final class AuthCookies {

  public static final String TOKEN_PREFIX = "k8tre-auth-token-";
  public static final String CURRENT_PROJECT = "k8tre-project";

  /** Project names are Kubernetes object names; anything else in a cookie name is ignored. */
  static final Pattern PROJECT = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

  private static final int MAX_COOKIES = 64;

  private AuthCookies() {}

  /** The token cookies in one or more {@code Cookie} headers, by project; bounded. */
  static Map<String, String> tokens(List<String> cookieHeaders) {
    Map<String, String> tokens = new LinkedHashMap<>();
    forEachCookie(
        cookieHeaders,
        (name, value) -> {
          if (name.startsWith(TOKEN_PREFIX)) {
            String project = name.substring(TOKEN_PREFIX.length());
            if (PROJECT.matcher(project).matches()) {
              tokens.putIfAbsent(project, value);
            }
          }
        });
    return tokens;
  }

  static String currentProject(List<String> cookieHeaders) {
    String[] found = new String[1];
    forEachCookie(
        cookieHeaders,
        (name, value) -> {
          if (found[0] == null
              && name.equals(CURRENT_PROJECT)
              && PROJECT.matcher(value).matches()) {
            found[0] = value;
          }
        });
    return found[0];
  }

  private static void forEachCookie(
      List<String> headers, java.util.function.BiConsumer<String, String> action) {
    int seen = 0;
    for (String header : headers) {
      for (String pair : header.split(";")) {
        if (++seen > MAX_COOKIES) {
          return;
        }
        int eq = pair.indexOf('=');
        if (eq > 0) {
          action.accept(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
      }
    }
  }

  /**
   * The Domain attribute: the environment domain, so every app host receives the cookie. For {@code
   * localhost} (the demo) none: browsers refuse it there, and a host-only localhost cookie already
   * reaches every port.
   */
  static String cookieDomain(String domain) {
    return "localhost".equals(domain) ? null : domain;
  }

  public static ResponseCookie token(
      String project, String token, String domain, Duration maxAge, boolean secure) {
    return ResponseCookie.from(TOKEN_PREFIX + project, token)
        .domain(cookieDomain(domain))
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .build();
  }

  public static ResponseCookie current(String project, String domain, boolean secure) {
    return ResponseCookie.from(CURRENT_PROJECT, project)
        .domain(cookieDomain(domain))
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .build();
  }

  public static ResponseCookie expired(String name, String domain, boolean secure) {
    return ResponseCookie.from(name, "")
        .domain(cookieDomain(domain))
        .path("/")
        .maxAge(0)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .build();
  }
}
