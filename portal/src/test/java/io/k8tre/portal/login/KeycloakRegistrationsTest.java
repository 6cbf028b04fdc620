package io.k8tre.portal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.k8tre.portal.config.PortalProperties;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keycloak unreachable: no login can start, and logins work again once it answers — no restart. */
class KeycloakRegistrationsTest {

  private HttpServer keycloak;

  @AfterEach
  void stop() {
    if (keycloak != null) {
      keycloak.stop(0);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void startKeycloak(int port) throws Exception {
    String issuer = "http://localhost:" + port + "/realms/k8tre-app";
    String discovery =
        "{\"issuer\":\""
            + issuer
            + "\",\"authorization_endpoint\":\""
            + issuer
            + "/auth\","
            + "\"token_endpoint\":\""
            + issuer
            + "/token\",\"jwks_uri\":\""
            + issuer
            + "/certs\","
            + "\"end_session_endpoint\":\""
            + issuer
            + "/logout\","
            + "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    keycloak = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    keycloak.createContext(
        "/realms/k8tre-app/.well-known/openid-configuration",
        exchange -> {
          byte[] body = discovery.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    keycloak.start();
  }

  @Test
  void currentWhenKeycloakDownThenUnavailableAndRecoversWhenItAnswers() throws Exception {
    int port = freePort();
    Instant[] now = {Instant.parse("2026-12-01T10:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now[0];
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    KeycloakRegistrations registrations = new KeycloakRegistrations(settings(port), clock);

    assertThatThrownBy(registrations::current)
        .isInstanceOf(IdentityProviderUnavailableException.class);

    startKeycloak(port);
    now[0] = now[0].plusSeconds(6);

    assertThat(registrations.current().getProviderDetails().getTokenUri())
        .isEqualTo("http://localhost:" + port + "/realms/k8tre-app/token");
    assertThat(registrations.current().getRedirectUri())
        .isEqualTo("http://localhost:8080/auth/callback");
  }

  @Test
  void reachableWhenManyLoginsAtOnceAndKeycloakSlowThenOneProbe() throws Exception {
    int port = freePort();
    AtomicInteger asked = new AtomicInteger();
    keycloak = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    keycloak.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    keycloak.createContext(
        "/realms/k8tre-app/.well-known/openid-configuration",
        exchange -> {
          asked.incrementAndGet();
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    keycloak.start();
    KeycloakRegistrations registrations =
        new KeycloakRegistrations(settings(port), Clock.systemUTC());

    List<Boolean> answers;
    try (ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Boolean>> pending = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        pending.add(logins.submit(registrations::reachable));
      }
      answers = new ArrayList<>();
      for (Future<Boolean> answer : pending) {
        answers.add(answer.get());
      }
    }

    assertThat(answers).containsOnly(true);
    assertThat(asked.get()).isEqualTo(1);
  }

  @Test
  void reachableWhenKeycloakSendsHeadersThenStallsTheBodyThenDownWithinTheProbeTimeout()
      throws Exception {
    int port = freePort();
    keycloak = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    keycloak.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    keycloak.createContext(
        "/realms/k8tre-app/.well-known/openid-configuration",
        exchange -> {
          exchange.sendResponseHeaders(200, 1_000);
          exchange.getResponseBody().write('{');
          exchange.getResponseBody().flush();
          try {
            Thread.sleep(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    keycloak.start();
    KeycloakRegistrations registrations =
        new KeycloakRegistrations(settings(port), Clock.systemUTC());

    boolean up =
        assertTimeoutPreemptively(
            KeycloakRegistrations.PROBE_TIMEOUT.plusSeconds(5), registrations::reachable);

    assertThat(up).isFalse();
  }

  private static PortalProperties settings(int port) {
    return new PortalProperties(
        PortalProperties.Mode.DEMO,
        URI.create("http://localhost:8080"),
        "localhost",
        new PortalProperties.Oidc(
            URI.create("http://localhost:" + port + "/realms/k8tre-app"),
            "backend",
            "s",
            null,
            List.of("openid")),
        new PortalProperties.Session(
            PortalProperties.Store.MEMORY, Duration.ofHours(1), "k8tre-session", false));
  }
}
