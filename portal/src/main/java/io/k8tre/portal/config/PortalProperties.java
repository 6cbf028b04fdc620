package io.k8tre.portal.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code portal.*}. Secrets can be given inline or as a file path (a mounted
 * Kubernetes Secret); the file wins when both are set.
 *
 * @param mode {@code demo} accepts the demo secrets; {@code production} refuses them
 * @param publicUrl the portal's own external URL, e.g. {@code https://portal.tre.example}
 * @param domain the environment domain; return-to targets must be this host or under it
 * @param oidc the Keycloak client
 * @param session where sessions live and how the cookie looks
 */
@ConfigurationProperties(prefix = "portal")
public record PortalProperties(
    @DefaultValue("production") Mode mode,
    URI publicUrl,
    String domain,
    @DefaultValue Oidc oidc,
    @DefaultValue Session session) {

  /** How strictly secrets are checked at startup. */
  public enum Mode {
    DEMO,
    PRODUCTION
  }

  /**
   * The OpenID Connect client registered in Keycloak.
   *
   * @param issuerUri realm issuer, e.g. {@code https://keycloak.tre.example/realms/k8tre-app}
   * @param clientId client id, {@code backend} in K8TRE
   * @param clientSecret inline secret (prefer {@code client-secret-file})
   * @param clientSecretFile file holding the secret
   * @param scopes scopes asked for at login
   */
  public record Oidc(
      URI issuerUri,
      @DefaultValue("backend") String clientId,
      String clientSecret,
      Path clientSecretFile,
      @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

    @Override
    public String toString() {
      return "Oidc[issuerUri="
          + issuerUri
          + ", clientId="
          + clientId
          + ", clientSecret="
          + (clientSecret == null ? "unset" : "***")
          + ", clientSecretFile="
          + clientSecretFile
          + "]";
    }
  }

  /**
   * Server-side sessions.
   *
   * @param store {@code memory} for one replica or the demo, {@code jdbc} (PostgreSQL) otherwise
   * @param timeout idle time after which a session ends
   * @param cookieName name of the host-only session cookie
   * @param secureCookie {@code true} always, {@code false} never (plain-HTTP demo only), unset:
   *     when {@code public-url} is https
   */
  public record Session(
      @DefaultValue("jdbc") Store store,
      @DefaultValue("8h") Duration timeout,
      @DefaultValue("k8tre-session") String cookieName,
      Boolean secureCookie) {}

  /** Session store kinds. */
  public enum Store {
    MEMORY,
    JDBC
  }
}
