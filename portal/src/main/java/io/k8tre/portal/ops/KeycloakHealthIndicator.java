package io.k8tre.portal.ops;

import io.k8tre.portal.config.PortalProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether new logins can start: Keycloak's discovery document answers. Reported in the {@code
 * dependencies} health group, never in readiness — logged-in people keep working through the
 * gateway while Keycloak is away, so a Keycloak outage must not take replicas out of service.
 */
@Component
class KeycloakHealthIndicator implements HealthIndicator {

  private final URI discovery;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  KeycloakHealthIndicator(PortalProperties settings) {
    String issuer = settings.oidc().issuerUri().toString();
    this.discovery =
        URI.create(
            (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
  }

  @Override
  public Health health() {
    try {
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200
          ? Health.up().build()
          : Health.down().withDetail("status", answer.statusCode()).build();
    } catch (java.io.IOException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().build();
    }
  }
}
