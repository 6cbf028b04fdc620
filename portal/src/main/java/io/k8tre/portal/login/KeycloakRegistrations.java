package io.k8tre.portal.login;

import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.config.SecretValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
  static final Duration PROBE_EVERY = Duration.ofSeconds(5);
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final PortalProperties settings;
  private final Clock clock;
  private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();
  private volatile Instant lastFailure = Instant.MIN;
  private volatile Probe probe;
  private final ReentrantLock probing = new ReentrantLock();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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

  /**
   * Whether Keycloak answers now: its discovery document, asked at most once per {@link
   * #PROBE_EVERY} (the answer is kept that long from when it came, good or bad). A login must not
   * send a browser to a Keycloak that is down, and once discovered the registration alone cannot
   * tell. One probe at a time: while it runs, other logins take the last answer (or wait for the
   * first), so a burst of logins sends Keycloak one request, not one each.
   */
  public boolean reachable() {
    Probe last = probe;
    if (last != null && fresh(last)) {
      return last.up();
    }
    if (!probing.tryLock()) {
      if (last != null) {
        return last.up();
      }
      probing.lock(); // nothing known yet: wait for the probe under way
    }
    try {
      Probe current = probe;
      if (current != null && fresh(current)) {
        return current.up();
      }
      boolean up = ask();
      if (!up && (current == null || current.up())) {
        log.warn("Identity provider unreachable: issuer={}", settings.oidc().issuerUri());
      } else if (up && current != null && !current.up()) {
        log.info("Identity provider reachable again: issuer={}", settings.oidc().issuerUri());
      }
      probe = new Probe(clock.instant(), up);
      return up;
    } finally {
      probing.unlock();
    }
  }

  /** Kept for {@link #PROBE_EVERY}; an answer from the future (the clock stepped back) is stale. */
  private boolean fresh(Probe p) {
    Duration age = Duration.between(p.at(), clock.instant());
    return !age.isNegative() && age.compareTo(PROBE_EVERY) < 0;
  }

  /**
   * The whole exchange, body included, within {@link #PROBE_TIMEOUT}: a Keycloak (or something in
   * between) that sends its headers and then trickles the body must not hold the probe.
   */
  private boolean ask() {
    CompletableFuture<HttpResponse<Void>> answer =
        http.sendAsync(
            HttpRequest.newBuilder(discoveryUri()).timeout(PROBE_TIMEOUT).build(),
            HttpResponse.BodyHandlers.discarding());
    try {
      return answer.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).statusCode() == 200;
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(true);
      return false;
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private URI discoveryUri() {
    String issuer = settings.oidc().issuerUri().toString();
    return URI.create(
        (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration");
  }

  private record Probe(Instant at, boolean up) {}

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
