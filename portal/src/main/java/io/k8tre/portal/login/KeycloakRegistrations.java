package io.k8tre.portal.login;

import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.config.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The Keycloak client registration, discovered from the issuer on first use rather than at startup:
 * the portal starts (and keeps serving existing sessions) while Keycloak is down, and recovers
 * without a restart once it answers. Failed discoveries are retried at most every few seconds so a
 * login storm does not hammer an unhealthy Keycloak.
 */
public class KeycloakRegistrations implements ClientRegistrationRepository {

  public static final String REGISTRATION_ID = "keycloak";

  private static final Logger log = LoggerFactory.getLogger(KeycloakRegistrations.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final PortalProperties settings;
  private final Clock clock;
  private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();
  private volatile Instant lastFailure = Instant.MIN;

  public KeycloakRegistrations(PortalProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    return current();
  }

  /** The registration, discovering it if needed; throws when Keycloak cannot be reached. */
  public ClientRegistration current() {
    ClientRegistration known = registration.get();
    if (known != null) {
      return known;
    }
    if (Duration.between(lastFailure, clock.instant()).compareTo(RETRY_AFTER) < 0) {
      throw new IdentityProviderUnavailableException("discovery failed moments ago", null);
    }
    return discover();
  }

  private synchronized ClientRegistration discover() {
    ClientRegistration known = registration.get();
    if (known != null) {
      return known;
    }
    PortalProperties.Oidc oidc = settings.oidc();
    try {
      ClientRegistration discovered =
          ClientRegistrations.fromIssuerLocation(oidc.issuerUri().toString())
              .registrationId(REGISTRATION_ID)
              .clientId(oidc.clientId())
              .clientSecret(
                  SecretValue.resolve(oidc.clientSecret(), oidc.clientSecretFile()).orElseThrow())
              .scope(oidc.scopes())
              .redirectUri(settings.publicUrl().resolve("/auth/callback").toString())
              .clientSettings(
                  ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
              .build();
      registration.set(discovered);
      log.info("Identity provider discovered: issuer={}", oidc.issuerUri());
      return discovered;
    } catch (RuntimeException e) {
      lastFailure = clock.instant();
      log.warn(
          "Identity provider unreachable: issuer={} error={}; check portal.oidc.issuer-uri and"
              + " that Keycloak is up",
          oidc.issuerUri(),
          e.getClass().getSimpleName());
      throw new IdentityProviderUnavailableException(
          "discovery of " + oidc.issuerUri() + " failed", e);
    }
  }
}
