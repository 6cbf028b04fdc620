package io.k8tre.portal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.portal.gateway.AuthCookies;
import io.k8tre.portal.gateway.ProjectTokens;
import io.k8tre.portal.support.KeycloakServer;
import io.k8tre.portal.support.PortalIT;
import io.k8tre.portal.support.PostgresDatabase;
import io.k8tre.portal.support.TcpRelay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keycloak goes away under a running portal and comes back: the portal reaches the real Keycloak
 * through a relay the test cuts. While it is down, apps already open keep working (the gateway
 * needs no Keycloak while a token is fresh), a new login gets the "sign-in unavailable" page
 * instead of a redirect into nowhere, and the dependencies health group says so; when it returns,
 * logins start again without a restart. A context of its own on port 18483, closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KeycloakOutageIT {

  private static final int PORT = 18483;
  private static final URI PORTAL = URI.create("http://localhost:" + PORT);
  private static TcpRelay relay;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired ProjectTokens tokens;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws IOException {
    String database = PostgresDatabase.recreateSeparate("keycloak_outage");
    KeycloakServer.ensureRunning();
    URI keycloak = URI.create(KeycloakServer.BASE_URL);
    relay = TcpRelay.to(new InetSocketAddress(keycloak.getHost(), keycloak.getPort()));
    // Keycloak in development mode names itself after the address it was asked at, so its
    // issuer through the relay is the relay's.
    registry.add(
        "portal.oidc.issuer-uri", () -> "http://localhost:" + relay.port() + "/realms/k8tre-app");
    PortalIT.separateContext(registry, PORT, database);
  }

  @AfterAll
  static void closeRelay() {
    relay.close();
  }

  @Test
  void outageWhenKeycloakGoesAwayThenOpenAppsWorkLoginsSaySoAndRecoverWithoutRestart()
      throws Exception {
    String token = tokens.mint("sub-t", "trevolution", "t@k8tre.io", "asthma", "sid-kc-outage");
    assertThat(get("/login").statusCode()).isEqualTo(302);

    relay.cut();

    assertThat(validate(token).statusCode()).isEqualTo(200);
    await()
        .atMost(KeycloakRegistrations.PROBE_EVERY.plusSeconds(10))
        .until(() -> get("/login").statusCode() == 503);
    HttpResponse<String> login = get("/login");
    assertThat(login.statusCode()).isEqualTo(503);
    assertThat(login.body()).contains("idp.unreachable").doesNotContain("Exception");
    assertThat(login.headers().firstValue("Location")).isEmpty();
    assertThat(get("/actuator/health/dependencies").body()).contains("keycloak");
    assertThat(get("/actuator/health/dependencies").statusCode()).isEqualTo(503);
    assertThat(validate(token).statusCode()).isEqualTo(200);

    relay.restore();

    await()
        .atMost(KeycloakRegistrations.PROBE_EVERY.plusSeconds(10))
        .until(() -> get("/login").statusCode() == 302);
    HttpResponse<String> authorize = get(location(get("/login")));
    assertThat(location(authorize))
        .startsWith("http://localhost:" + relay.port() + "/realms/k8tre-app/")
        .contains("code_challenge_method=S256");
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> validate(String token) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(PORTAL.resolve("/auth/validate"))
            .header("X-Original-URL", "http://localhost:18090/hub/home")
            .header("Cookie", AuthCookies.TOKEN_PREFIX + "asthma=" + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(PORTAL.resolve(pathOrUrl)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
