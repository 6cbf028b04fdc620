package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.portal.support.Browserless;
import io.k8tre.portal.support.PortalIT;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gateway with a real login: launch, {@code /auth/validate} as nginx calls it, membership
 * changes in the resources, logout, replayed cookies and the refresh with Keycloak.
 */
class GatewayIT extends PortalIT {

  private static final String HUB = "http://localhost:18090";
  private static final String HEADER_SECRET = "it-header-secret-0123456789abcdef0123";

  @Autowired MeterRegistry meters;

  private Browserless launched(String user, String project) {
    Browserless browser = newBrowser();
    browser.login(user, "k8tre");
    HttpResponse<String> launch = browser.get("/launch/" + project + "/jupyterhub");
    assertThat(launch.statusCode()).isEqualTo(302);
    return browser;
  }

  @Test
  void launchWhenMemberThenTokenCookieAndRedirectToHubLogin() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> launch = browser.get("/launch/asthma/jupyterhub");

    assertThat(Browserless.location(launch)).isEqualTo(HUB + "/hub/login?next=%2Fhub%2Fspawn");
    List<String> cookies = launch.headers().allValues("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("k8tre-auth-token-asthma=")
                    .contains("HttpOnly", "SameSite=Lax", "Max-Age=60"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("k8tre-project=asthma"));
    assertThat(launch.headers().firstValue("Location").orElseThrow()).doesNotContain("token");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void validateWhenLoggedInPlainTextThenTheLineNamesTheRequestId(CapturedOutput output) {
    String id = "it-plain-" + HexFormat.of().toHexDigits(System.nanoTime());

    HttpResponse<String> answer =
        newBrowser().validate(HUB + "/hub/home", Map.of("X-Request-ID", id));

    assertThat(answer.statusCode()).isEqualTo(401);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.getOut().lines())
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("[" + id + "] ")
                                .contains("Gateway decision: decision=deny")));
  }

  @Test
  void launchWhenNotMemberThenForbiddenAndNoToken() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> launch = browser.get("/launch/hypertension/jupyterhub");

    assertThat(launch.statusCode()).isEqualTo(403);
    assertThat(launch.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("k8tre-auth-token"));
  }

  @Test
  void validateWhenLaunchedThenIdentityHeadersSignedForJupyterHub() throws Exception {
    Browserless browser = launched("trevolution", "asthma");

    HttpResponse<String> answer = browser.validate(HUB + "/hub/home", Map.of());

    assertThat(answer.statusCode()).isEqualTo(200);
    var headers = answer.headers();
    assertThat(headers.firstValue("X-Auth-User")).hasValue("trevolution");
    assertThat(headers.firstValue("Remote-User")).hasValue("trevolution");
    assertThat(headers.firstValue("X-Auth-Project")).hasValue("asthma");
    assertThat(headers.firstValue("X-Auth-Audience")).hasValue("jupyterhub");
    assertThat(headers.firstValue("X-Auth-Email")).hasValue("trevolution@k8tre.io");
    assertThat(headers.firstValue("Authorization").orElseThrow()).startsWith("Bearer ey");
    String stamp = headers.firstValue("X-Auth-Stamp").orElseThrow();
    assertThat(headers.firstValue("X-Auth-Signature"))
        .hasValue(hmac("trevolution|asthma|jupyterhub|" + stamp));
    assertThat(headers.allValues("Set-Cookie")).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void loginWhenStillLoggedInAndSentBackFromAnAppThenTokenIsReissuedForTheLastProject() {
    Browserless browser = launched("trevolution", "asthma");

    HttpResponse<String> answer =
        browser.get(
            "/login?redirect="
                + java.net.URLEncoder.encode(HUB + "/hub/home", StandardCharsets.UTF_8));

    assertThat(Browserless.location(answer)).isEqualTo(HUB + "/hub/home");
    assertThat(answer.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("k8tre-auth-token-asthma="));
  }

  @Test
  void loginWhenStillLoggedInButNoProjectLaunchedThenProjectList() {
    Browserless browser = newBrowser();
    browser.login("trevolution", "k8tre");

    HttpResponse<String> answer =
        browser.get(
            "/login?redirect="
                + java.net.URLEncoder.encode(HUB + "/hub/home", StandardCharsets.UTF_8));

    assertThat(Browserless.location(answer)).endsWith("/projects");
    assertThat(answer.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("k8tre-auth-token"));
  }

  @Test
  void internalApiWhenNoServiceAccountTokenThenUnauthorized() {
    HttpResponse<String> answer = newBrowser().getJson("/internal/projects");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("token.missing");
  }

  @Test
  void jwksWhenFetchedThenVerifiesTheLaunchedToken() throws Exception {
    Browserless browser = launched("trevolution", "asthma");
    String token = browser.cookie("k8tre-auth-token-asthma").orElseThrow();

    var jwks =
        com.nimbusds.jose.jwk.JWKSet.parse(newBrowser().getJson("/.well-known/jwks.json").body());
    var jwt = com.nimbusds.jwt.SignedJWT.parse(token);
    var key = (com.nimbusds.jose.jwk.RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getStringClaim("project")).isEqualTo("asthma");
  }

  @Test
  void validateWhenNoTokenThenUnauthorizedWithJsonForScripts() {
    HttpResponse<String> answer =
        newBrowser()
            .validate(
                HUB + "/user/trevolution-asthma/api/contents",
                Map.of("Accept", "application/json"));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"reason\":\"token.missing\"");
    assertThat(answer.headers().firstValue("X-Auth-Login-Url"))
        .hasValue(
            PORTAL
                + "/login?redirect=http%3A%2F%2Flocalhost%3A18090%2Fuser%2Ftrevolution-asthma%2Fapi%2Fcontents");
  }

  @Test
  void validateWhenMembershipRemovedThenForbiddenWithinTwoSecondsAndBackAfter() throws Exception {
    Browserless browser = launched("k8tre-user", "asthma");
    assertThat(browser.validate(HUB + "/hub/home", Map.of()).statusCode()).isEqualTo(200);
    Path groups = DIRECTORY.resolve("groups.yaml");
    Path users = DIRECTORY.resolve("users.yaml");
    String groupsBefore = Files.readString(groups);
    String usersBefore = Files.readString(users);
    try {
      Files.writeString(groups, groupsBefore.replace("    - k8tre-user\n", ""));
      Files.writeString(
          users,
          usersBefore.replace(
              "groups: [\"asthma-analyst\", \"diabetes-admin\", \"hypertension-admin\"]",
              "groups: [\"diabetes-admin\", \"hypertension-admin\"]"));

      await()
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> browser.validate(HUB + "/hub/home", Map.of()).statusCode() == 403);
      assertThat(
              browser.validate(HUB + "/hub/home", Map.of()).headers().firstValue("X-Auth-Reason"))
          .hasValue("project.not-member");
    } finally {
      Files.writeString(groups, groupsBefore);
      Files.writeString(users, usersBefore);
    }
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> browser.validate(HUB + "/hub/home", Map.of()).statusCode() == 200);
  }

  @Test
  void validateWhenLoggedOutThenUnauthorizedAndReplayedCookiesToo() {
    Browserless browser = launched("alwin", "asthma");
    String replay = browser.cookieHeader(HUB + "/hub/home").orElseThrow();
    String csrf =
        org.jsoup.Jsoup.parse(browser.get("/logout").body())
            .selectFirst("input[name=_csrf]")
            .attr("value");

    HttpResponse<String> loggedOut = browser.postForm("/logout", Map.of("_csrf", csrf));

    assertThat(loggedOut.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("k8tre-auth-token-asthma=").contains("Max-Age=0"));
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> rawValidate(replay).statusCode() == 401);
    assertThat(rawValidate(replay).headers().firstValue("X-Auth-Reason")).hasValue("session.ended");
  }

  @Test
  void validateWhenManyRequestsArriveAsTokenIsDueThenKeycloakIsAskedOnce() throws Exception {
    Browserless browser = launched("trevolution", "diabetes");
    String cookies =
        browser
            .cookieHeader(HUB + "/hub/home")
            .orElseThrow()
            .replaceAll("k8tre-project=[^;]*", "k8tre-project=diabetes");
    Thread.sleep(11_000);
    double before = refreshCalls();

    List<HttpResponse<String>> answers;
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      List<Callable<HttpResponse<String>>> calls =
          java.util.stream.IntStream.range(0, 40)
              .<Callable<HttpResponse<String>>>mapToObj(i -> () -> rawValidate(cookies))
              .toList();
      answers = pool.invokeAll(calls).stream().map(GatewayIT::get).toList();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
    assertThat(answers)
        .allSatisfy(
            a -> assertThat(a.headers().allValues("Set-Cookie")).hasSizeLessThanOrEqualTo(1));
    assertThat(answers).anySatisfy(a -> assertThat(a.headers().allValues("Set-Cookie")).hasSize(1));
    assertThat(refreshCalls() - before).isEqualTo(1.0);
  }

  private double refreshCalls() {
    return Search.in(meters).name("portal.gateway.keycloak.refresh").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static HttpResponse<String> get(Future<HttpResponse<String>> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> rawValidate(String cookieHeader) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(PORTAL + "/auth/validate"))
              .header("X-Original-URL", HUB + "/hub/home")
              .header("Cookie", cookieHeader)
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HEADER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
