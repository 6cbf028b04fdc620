package io.k8tre.portal.support;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies of one scripted browser. Like Chromium, it treats {@code http://localhost} as a
 * secure context, so Keycloak's {@code Secure} cookies come back on the plain-HTTP demo realm
 * (java.net.CookieManager drops them). Cookies are keyed by host and path; ports are ignored, as in
 * browsers.
 */
final class CookieJar {

  private final List<Stored> cookies = new ArrayList<>();

  private record Stored(String host, HttpCookie cookie) {}

  synchronized void remember(HttpResponse<?> response) {
    String host = response.uri().getHost();
    for (String header : response.headers().allValues("Set-Cookie")) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        if (cookie.getPath() == null) {
          cookie.setPath("/");
        }
        cookies.removeIf(
            s ->
                s.host.equals(host)
                    && s.cookie.getName().equals(cookie.getName())
                    && s.cookie.getPath().equals(cookie.getPath()));
        if (cookie.getMaxAge() != 0 && !cookie.getValue().isEmpty()) {
          cookies.add(new Stored(host, cookie));
        }
      }
    }
  }

  synchronized Optional<String> header(URI uri) {
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    String value =
        cookies.stream()
            .filter(
                s ->
                    s.host.equals(uri.getHost())
                        && path.startsWith(s.cookie.getPath())
                        && !s.cookie.hasExpired())
            .map(s -> s.cookie.getName() + "=" + s.cookie.getValue())
            .collect(Collectors.joining("; "));
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  synchronized Optional<String> value(String name) {
    return cookies.stream()
        .filter(s -> s.cookie.getName().equals(name))
        .map(s -> s.cookie.getValue())
        .findFirst();
  }
}
