package io.k8tre.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.e2e.support.E2eStack;
import io.k8tre.e2e.support.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Someone who reaches JupyterHub without nginx (CHP's port, 127.0.0.1:18000) and types the identity
 * headers. The hub believes nothing but a fresh signature made with the shared secret; the last
 * test signs correctly, to show the refusals are about the signature and nothing else.
 */
class DirectHubAccessE2E {

  private static final URI LOGIN =
      URI.create(E2eStack.HUB_BEHIND_NGINX + "/hub/login?next=%2Fhub%2Fhome");

  private static String secret;

  @BeforeAll
  static void stack() {
    secret = E2eStack.get().headerSecret();
  }

  @Test
  void directLoginWithoutHeadersThenForbidden() {
    assertRefused(Map.of());
  }

  @Test
  void directLoginWithPlainIdentityHeadersThenForbidden() {
    assertRefused(
        Map.of("X-Auth-User", "alwin", "Remote-User", "alwin", "X-Auth-Project", "asthma"));
  }

  @Test
  void directLoginWithForgedSignatureThenForbidden() {
    Map<String, String> headers = signed("alwin", "asthma", "jupyterhub", now(), secret);
    headers.put("X-Auth-Signature", "ab".repeat(32));
    assertRefused(headers);
  }

  @Test
  void directLoginSignedWithAnotherSecretThenForbidden() {
    assertRefused(signed("alwin", "asthma", "jupyterhub", now(), "change-me"));
  }

  @Test
  void directLoginWithSignatureOverOtherUserThenForbidden() {
    Map<String, String> headers = signed("trevolution", "asthma", "jupyterhub", now(), secret);
    headers.put("X-Auth-User", "alwin");
    headers.put("Remote-User", "alwin");
    assertRefused(headers);
  }

  @Test
  void directLoginWithStaleStampThenForbidden() {
    assertRefused(signed("alwin", "asthma", "jupyterhub", now() - 120, secret));
  }

  @Test
  void directLoginWithFutureStampThenForbidden() {
    assertRefused(signed("alwin", "asthma", "jupyterhub", now() + 120, secret));
  }

  @Test
  void directLoginSignedForAnotherAudienceThenForbidden() {
    assertRefused(signed("alwin", "asthma", "vdi", now(), secret));
  }

  @Test
  void directLoginWithRemoteUserDisagreeingThenForbidden() {
    Map<String, String> headers = signed("alwin", "asthma", "jupyterhub", now(), secret);
    headers.put("Remote-User", "trevolution");
    assertRefused(headers);
  }

  @Test
  void directLoginWithValidSignatureThenHubLogsInAsUserInProject() {
    HttpResponse<String> answer =
        Http.get(LOGIN, signed("k8tre-user", "diabetes", "jupyterhub", now(), secret));

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location")).hasValue("/hub/home");
    assertThat(Http.setCookies(answer, "jupyterhub-hub-login")).hasSize(1);
  }

  @Test
  void directLoginWithOffSiteNextThenSpawnInstead() {
    HttpResponse<String> answer =
        Http.get(
            URI.create(E2eStack.HUB_BEHIND_NGINX + "/hub/login?next=%2F%2Fevil.example%2Fhub%2F"),
            signed("k8tre-user", "diabetes", "jupyterhub", now(), secret));

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location")).hasValue("/hub/spawn");
  }

  @Test
  void hubLogoutEndsTheHubSessionAndContinuesAtThePortalsLogout() {
    HttpResponse<String> login =
        Http.get(LOGIN, signed("k8tre-user", "diabetes", "jupyterhub", now(), secret));
    String hubCookies =
        String.join(
            "; ",
            login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jupyterhub-"))
                .map(Http::cookiePair)
                .toList());

    HttpResponse<String> logout =
        Http.get(
            URI.create(E2eStack.HUB_BEHIND_NGINX + "/hub/logout"), Map.of("Cookie", hubCookies));

    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location")).hasValue(E2eStack.PORTAL + "/logout");
    assertThat(logout.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("jupyterhub-hub-login=\"\";"));
  }

  @Test
  void hubSessionMeetsSignedHeadersOfSomeoneElseThenLoginAgainNotTheOldSession() {
    Map<String, String> first = signed("k8tre-user", "diabetes", "jupyterhub", now(), secret);
    HttpResponse<String> login = Http.get(LOGIN, first);
    String hubCookies =
        String.join(
            "; ",
            login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("jupyterhub-"))
                .map(Http::cookiePair)
                .toList());
    URI home = URI.create(E2eStack.HUB_BEHIND_NGINX + "/hub/home");
    assertThat(Http.get(home, Http.with(first, Map.of("Cookie", hubCookies))).statusCode())
        .isEqualTo(200);

    // The hub re-checks a session at most once a second, so the answer may take that long.
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Map<String, String> other =
                  signed("trevolution", "asthma", "jupyterhub", now(), secret);
              HttpResponse<String> answer =
                  Http.get(home, Http.with(other, Map.of("Cookie", hubCookies)));
              assertThat(answer.statusCode()).isEqualTo(302);
              assertThat(answer.headers().firstValue("Location").orElseThrow())
                  .startsWith("/hub/login");
            });
  }

  private static void assertRefused(Map<String, String> headers) {
    HttpResponse<String> answer = Http.get(LOGIN, headers);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("jupyterhub-hub-login="));
  }

  private static Map<String, String> signed(
      String user, String project, String audience, long stamp, String key) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Auth-User", user);
    headers.put("Remote-User", user);
    headers.put("X-Auth-Project", project);
    headers.put("X-Auth-Audience", audience);
    headers.put("X-Auth-Stamp", Long.toString(stamp));
    headers.put("X-Auth-Signature", hmac(key, user + "|" + project + "|" + audience + "|" + stamp));
    return headers;
  }

  private static String hmac(String key, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
