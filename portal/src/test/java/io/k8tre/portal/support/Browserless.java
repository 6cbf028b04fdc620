package io.k8tre.portal.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A scripted browser for the login flow: one cookie jar, redirects taken one step at a time so each
 * hop can be checked or tampered with.
 */
public final class Browserless {

  private final CookieJar cookies = new CookieJar();
  private final HttpClient client;
  private final URI portal;

  public Browserless(URI portal) {
    this.portal = portal;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(resolve(url)).GET().header("Accept", "text/html"));
  }

  public HttpResponse<String> getAccepting(String url, String accept) {
    return send(HttpRequest.newBuilder(resolve(url)).GET().header("Accept", accept));
  }

  public HttpResponse<String> getJson(String url) {
    return send(HttpRequest.newBuilder(resolve(url)).GET().header("Accept", "application/json"));
  }

  public HttpResponse<String> postForm(String url, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(resolve(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST with the body exactly as given, for bodies a form would never send. */
  public HttpResponse<String> postRaw(String url, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(resolve(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Follows redirects until a non-redirect answer or until a URL starting with {@code stop}. */
  public HttpResponse<String> followUntil(HttpResponse<String> start, String stop) {
    HttpResponse<String> response = start;
    for (int hops = 0; hops < 20 && isRedirect(response); hops++) {
      String next = location(response);
      if (stop != null && next.startsWith(stop)) {
        return response;
      }
      response = get(next);
    }
    return response;
  }

  /**
   * Starts a login at the portal and submits Keycloak's form; returns Keycloak's answer to the form
   * (a redirect to the callback when the password was right).
   */
  public HttpResponse<String> submitKeycloakLogin(
      String returnTo, String username, String password) {
    String path = "/login" + (returnTo == null ? "" : "?redirect=" + encode(returnTo));
    HttpResponse<String> form = followUntil(get(path), null);
    Document page = Jsoup.parse(form.body(), form.uri().toString());
    Element login = page.selectFirst("form#kc-form-login");
    if (login == null) {
      throw new IllegalStateException(
          "no Keycloak login form at " + form.uri() + " (status " + form.statusCode() + ")");
    }
    return postForm(
        login.absUrl("action"),
        Map.of("username", username, "password", password, "credentialId", ""));
  }

  /** A complete login; returns the portal page finally reached. */
  public HttpResponse<String> login(String username, String password) {
    return followUntil(submitKeycloakLogin(null, username, password), null);
  }

  /**
   * What nginx's auth sub-request sends for a request to {@code originalUrl}: the original URL and
   * the browser's cookies for that host, plus any extra headers.
   */
  public HttpResponse<String> validate(String originalUrl, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve("/auth/validate"))
            .GET()
            .header("X-Original-URL", originalUrl);
    headers.forEach(request::header);
    return sendWithCookiesOf(request, URI.create(originalUrl));
  }

  /** The Cookie header this browser would send to {@code url}. */
  public Optional<String> cookieHeader(String url) {
    return cookies.header(URI.create(url));
  }

  public Optional<String> cookie(String name) {
    return cookies.value(name);
  }

  public static boolean isRedirect(HttpResponse<?> response) {
    int status = response.statusCode();
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private URI resolve(String url) {
    return portal.resolve(url);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return sendWithCookiesOf(request, null);
  }

  private HttpResponse<String> sendWithCookiesOf(HttpRequest.Builder request, URI cookieUri) {
    HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
    HttpRequest.Builder withCookies = HttpRequest.newBuilder(built, (name, value) -> true);
    cookies
        .header(cookieUri == null ? built.uri() : cookieUri)
        .ifPresent(c -> withCookies.header("Cookie", c));
    try {
      HttpResponse<String> response =
          client.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
      cookies.remember(response);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
