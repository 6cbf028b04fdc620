package io.k8tre.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Requests as curl would send them: no redirects followed, no cookie jar, every header given by the
 * test. The presets below are the header sets that tell page loads from script calls.
 */
public final class Http {

  /** A top-level page load, as Chromium sends it. */
  public static final Map<String, String> PAGE_LOAD =
      Map.of(
          "Accept", "text/html,application/xhtml+xml,*/*;q=0.8",
          "Sec-Fetch-Mode", "navigate",
          "Sec-Fetch-Dest", "document");

  /** {@code fetch()} from a page: JSON wanted, CORS mode. */
  public static final Map<String, String> FETCH =
      Map.of("Accept", "application/json", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty");

  /** An old-style XMLHttpRequest from jQuery, without fetch metadata. */
  public static final Map<String, String> XHR =
      Map.of("Accept", "*/*", "X-Requested-With", "XMLHttpRequest");

  // HTTP/1.1 as browsers speak it to plain-http hosts; the default would offer "Upgrade: h2c".
  private static final HttpClient CLIENT = client(HttpClient.Version.HTTP_1_1);
  private static final HttpClient OFFERING_H2C = client(HttpClient.Version.HTTP_2);

  private static HttpClient client(HttpClient.Version version) {
    return HttpClient.newBuilder()
        .version(version)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private Http() {}

  public static HttpResponse<String> get(URI uri, Map<String, String> headers) {
    return send("GET", uri, headers, null);
  }

  /** A GET that offers to switch to HTTP/2 in clear text, as curl and Java's client do. */
  public static HttpResponse<String> getOfferingH2c(URI uri, Map<String, String> headers) {
    return send(OFFERING_H2C, "GET", uri, headers, null);
  }

  public static HttpResponse<String> send(
      String method, URI uri, Map<String, String> headers, String body) {
    return send(CLIENT, method, uri, headers, body);
  }

  private static HttpResponse<String> send(
      HttpClient client, String method, URI uri, Map<String, String> headers, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + uri, e);
    }
  }

  /** The values of the {@code Set-Cookie} headers that set (not expire) the named cookie. */
  public static List<String> setCookies(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .toList();
  }

  /** {@code name=value} of a Set-Cookie line, for sending it back. */
  public static String cookiePair(String setCookie) {
    int end = setCookie.indexOf(';');
    return end < 0 ? setCookie : setCookie.substring(0, end);
  }

  /** A copy of {@code base} with more headers. */
  public static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(base);
    all.putAll(more);
    return all;
  }
}
