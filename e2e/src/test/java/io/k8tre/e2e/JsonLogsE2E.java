package io.k8tre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.e2e.support.E2eStack;
import io.k8tre.e2e.support.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged portal with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}, as {@link E2eStack} runs
 * it: its output is one JSON object per line, and every line the portal writes while handling a
 * request names that request's id, the one it also returns in {@code X-Request-ID}.
 */
class JsonLogsE2E {

  private static final Path LOG = Path.of("target", "portal.log").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void stack() {
    E2eStack.get();
  }

  @Test
  void gatewayDecisionLineCarriesTheRequestIdTheCallerSent() {
    String id = "e2e-json-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    HttpResponse<String> answer =
        Http.get(
            E2eStack.PORTAL.resolve("/auth/validate"),
            Map.of("X-Original-URL", E2eStack.HUB + "/hub/home", "X-Request-ID", id));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("X-Request-ID")).hasValue(id);
    JsonNode decision =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    lines().stream()
                        .filter(l -> id.equals(requestId(l)))
                        .filter(l -> l.path("message").asString().startsWith("Gateway decision"))
                        .findFirst()
                        .orElse(null),
                line -> line != null);
    assertThat(decision.path("message").asString())
        .contains("decision=deny")
        .contains("decision.reason=token.missing");
    assertThat(decision.path("log").path("level").asString()).isEqualTo("INFO");
  }

  @Test
  void everyPortalLineOnARequestThreadCarriesARequestId() throws IOException {
    // A page, a refused API call and a gateway check, so request threads have written something.
    Http.get(E2eStack.PORTAL.resolve("/projects"), Map.of());
    Http.get(E2eStack.PORTAL.resolve("/api/projects"), Map.of("Accept", "application/json"));
    Http.get(
        E2eStack.PORTAL.resolve("/auth/validate"),
        Map.of("X-Original-URL", E2eStack.HUB + "/hub/home"));

    List<JsonNode> onRequestThreads =
        lines().stream()
            .filter(l -> isRequestThread(l.path("process").path("thread").path("name").asString()))
            .filter(l -> l.path("log").path("logger").asString().startsWith("io.k8tre."))
            .toList();

    assertThat(onRequestThreads).isNotEmpty();
    assertThat(onRequestThreads)
        .allSatisfy(l -> assertThat(requestId(l)).as(l.toString()).matches("[A-Za-z0-9._-]{8,64}"));
  }

  @Test
  void everyLineThePortalWritesIsJson() throws IOException {
    List<String> notJson = new ArrayList<>();
    for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
      // The JVM's own start-up warnings go to stderr, which the stack merges into this file;
      // they are not the portal's log.
      if (line.isBlank() || line.startsWith("WARNING: ")) {
        continue;
      }
      try {
        if (!JSON.readTree(line).isObject()) {
          notJson.add(line);
        }
      } catch (RuntimeException e) {
        notJson.add(line);
      }
    }
    assertThat(notJson).isEmpty();
  }

  /** Tomcat's request threads: virtual ({@code tomcat-handler-N}) or pooled ({@code …-exec-N}). */
  private static boolean isRequestThread(String name) {
    return name.startsWith("tomcat-handler-") || name.contains("-exec-");
  }

  /** ECS names the field {@code request.id}; accept it flat or nested. */
  private static String requestId(JsonNode line) {
    JsonNode flat = line.get("request.id");
    if (flat != null) {
      return flat.asString();
    }
    JsonNode nested = line.path("request").get("id");
    return nested == null ? null : nested.asString();
  }

  private static List<JsonNode> lines() throws IOException {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) {
        try {
          parsed.add(JSON.readTree(line));
        } catch (RuntimeException e) {
          // A line still being written; the next read sees it whole.
        }
      }
    }
    return parsed;
  }
}
