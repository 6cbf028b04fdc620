package io.k8tre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.e2e.support.E2eStack;
import io.k8tre.e2e.support.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nginx's answers when the portal says 401: a notebook's background calls (fetch, XHR, JSON, CORS
 * preflights) get a small JSON 401 they can act on; only a top-level page load is sent to log in.
 */
class AuthProxyRefusalE2E {

  private static final URI CONTENTS =
      URI.create(E2eStack.HUB + "/user/trevolution-asthma/api/contents/analysis.ipynb");
  private static final String GARBAGE_TOKEN = "k8tre-auth-token-asthma=eyJhbGciOiJub25lIn0.e30.";

  @BeforeAll
  static void stack() {
    E2eStack.get();
  }

  @Test
  void healthAnswersWithoutLogin() {
    assertThat(Http.get(URI.create(E2eStack.HUB + "/health"), Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void fetchWithoutTokenThenJson401AndNoRedirect() {
    HttpResponse<String> answer = Http.get(CONTENTS, Http.FETCH);

    assertJson401(answer, "token.missing");
  }

  @Test
  void xhrSaveWithUnusableTokenThenJson401AndNoRedirect() {
    HttpResponse<String> answer =
        Http.send(
            "PUT",
            CONTENTS,
            Http.with(
                Http.XHR,
                Map.of(
                    "Cookie",
                    GARBAGE_TOKEN + "; k8tre-project=asthma",
                    "Content-Type",
                    "application/json")),
            "{\"type\":\"notebook\",\"content\":{}}");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void jsonClientWithoutFetchMetadataThenJson401() {
    HttpResponse<String> answer = Http.get(CONTENTS, Map.of("Accept", "application/json"));

    assertJson401(answer, "token.missing");
  }

  @Test
  void preflightThenNeverALoginAndNoCorsGrant() {
    HttpResponse<String> answer =
        Http.send(
            "OPTIONS",
            CONTENTS,
            Map.of(
                "Origin", "http://evil.example",
                "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "content-type",
                "Sec-Fetch-Mode", "cors"),
            null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void pageLoadWithoutTokenThenRedirectToPortalLoginWithTheWayBack() {
    URI tree = URI.create(E2eStack.HUB + "/user/trevolution-asthma/tree?x=1&y=%2F");

    HttpResponse<String> answer = Http.get(tree, Http.PAGE_LOAD);

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValue(
            E2eStack.PORTAL
                + "/login?redirect="
                + URLEncoder.encode(tree.toString(), StandardCharsets.UTF_8));
  }

  @Test
  void pageLoadWithUnusableTokenThenRedirectToPortalLogin() {
    HttpResponse<String> answer =
        Http.get(
            URI.create(E2eStack.HUB + "/hub/home"),
            Http.with(Http.PAGE_LOAD, Map.of("Cookie", GARBAGE_TOKEN)));

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElseThrow())
        .startsWith(E2eStack.PORTAL + "/login?redirect=");
  }

  @Test
  void headersAsLargeAsNginxAllowsThenThePortalStillAnswersNotA500() {
    // nginx takes header lines up to 32 KB and 128 KB in all, and passes every one of them to the
    // portal's check; the portal must take at least as much, or nginx turns its refusal into a 500.
    Map<String, String> large = new HashMap<>(Http.FETCH);
    large.put("Cookie", GARBAGE_TOKEN + "; " + junkCookies(30_000));
    for (int i = 1; i <= 3; i++) {
      large.put("X-Filler-" + i, "f".repeat(30_000));
    }

    HttpResponse<String> answer = Http.get(CONTENTS, large);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body()).contains("\"status\":401");
  }

  private static String junkCookies(int length) {
    StringBuilder cookies = new StringBuilder();
    for (int i = 0; cookies.length() < length; i++) {
      cookies.append("junk").append(i).append('=').append("j".repeat(200)).append("; ");
    }
    return cookies.substring(0, cookies.length() - 2);
  }

  private static void assertJson401(HttpResponse<String> answer, String reason) {
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Location")).isEmpty();
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body()).contains("\"status\":401", "\"reason\":\"" + reason + "\"");
  }
}
