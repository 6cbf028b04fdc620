package io.k8tre.portal.launch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server-side half of guacamole-json.md §4: {@code POST <base>/api/tokens} with the sealed
 * document as the form field {@code data}, from the portal's server, so the document never passes
 * through a browser and {@code json-trusted-networks} can name the portal alone.
 */
public class GuacamoleClient {

  private static final Logger log = LoggerFactory.getLogger(GuacamoleClient.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final Duration timeout;

  public GuacamoleClient(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** What Guacamole answered. */
  public sealed interface Answer {}

  /** 200 with an {@code authToken}. */
  public record Granted(String authToken) implements Answer {
    @Override
    public String toString() {
      return "Granted[authToken=***]";
    }
  }

  /** Guacamole answered, but not with a session: 403 is a refused document. */
  public record Refused(int status) implements Answer {}

  /** No answer: {@code timeout} or {@code refused} (nothing listens), else {@code io}. */
  public record Unreachable(String kind) implements Answer {}

  public Answer exchange(URI base, String sealed) {
    URI tokens = URI.create(stripSlash(base.toString()) + "/api/tokens");
    HttpRequest request =
        HttpRequest.newBuilder(tokens)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "data=" + URLEncoder.encode(sealed, StandardCharsets.UTF_8)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      return unreachable(tokens, "timeout", e);
    } catch (HttpTimeoutException e) {
      return unreachable(tokens, "timeout", e);
    } catch (ConnectException e) {
      return unreachable(tokens, "refused", e);
    } catch (IOException e) {
      return unreachable(tokens, "io", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Unreachable("io");
    }
    if (response.statusCode() != 200) {
      log.warn(
          "Guacamole refused the desktop sign-in: url={} status={} (a 403 means a different"
              + " json-secret-key, clocks apart, or json-trusted-networks without the portal)",
          tokens,
          response.statusCode());
      return new Refused(response.statusCode());
    }
    return authToken(response.body())
        .<Answer>map(Granted::new)
        .orElseGet(
            () -> {
              log.warn("Guacamole answered 200 without an authToken: url={}", tokens);
              return new Refused(200);
            });
  }

  private static java.util.Optional<String> authToken(String body) {
    try {
      JsonNode token = JSON.readTree(body).get("authToken");
      // Guacamole's tokens are hex; anything else is not put into a URL.
      return java.util.Optional.ofNullable(token)
          .map(JsonNode::asString)
          .filter(t -> t.matches("[A-Za-z0-9]{16,256}"));
    } catch (JacksonException e) {
      return java.util.Optional.empty();
    }
  }

  private static Unreachable unreachable(URI url, String kind, Exception e) {
    log.warn(
        "Guacamole unreachable: url={} kind={} error={} (check portal.guacamole.url)",
        url,
        kind,
        e.toString());
    return new Unreachable(kind);
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
