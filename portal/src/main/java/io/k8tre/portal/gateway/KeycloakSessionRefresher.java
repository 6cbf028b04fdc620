package io.k8tre.portal.gateway;

import io.k8tre.portal.login.KeycloakRegistrations;
import io.k8tre.portal.session.PortalSession;
import io.k8tre.portal.session.PortalSessions;
import io.k8tre.portal.session.SessionAuthorizedClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Confirms a login with Keycloak's refresh-token grant and stores the new tokens in the login's
 * server-side session. Requests of one login that arrive together share one confirmation in this
 * process ({@code inFlight}) and, through the {@link RefreshLock}, across replicas.
 */
class KeycloakSessionRefresher implements SessionRefresher {

  private static final Logger log = LoggerFactory.getLogger(KeycloakSessionRefresher.class);
  private static final Duration WAIT_FOR_OTHERS = Duration.ofSeconds(15);

  private final PortalSessions sessions;
  private final SessionRepository<? extends Session> httpSessions;
  private final KeycloakRegistrations registrations;
  private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> keycloak;
  private final RefreshLock lock;
  private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
  private final MeterRegistry meters;

  KeycloakSessionRefresher(
      PortalSessions sessions,
      SessionRepository<? extends Session> httpSessions,
      KeycloakRegistrations registrations,
      OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> keycloak,
      RefreshLock lock,
      MeterRegistry meters) {
    this.meters = meters;
    this.sessions = sessions;
    this.httpSessions = httpSessions;
    this.registrations = registrations;
    this.keycloak = keycloak;
    this.lock = lock;
  }

  @Override
  public Outcome refresh(String sid) {
    CompletableFuture<Outcome> mine = new CompletableFuture<>();
    CompletableFuture<Outcome> running = inFlight.putIfAbsent(sid, mine);
    if (running != null) {
      return await(running);
    }
    try {
      Outcome outcome = lock.runExclusive(sid, () -> confirm(sid));
      mine.complete(outcome);
      return outcome;
    } catch (RuntimeException e) {
      log.warn("Token refresh failed: error={}", e.getClass().getSimpleName());
      mine.complete(Outcome.UNAVAILABLE);
      return Outcome.UNAVAILABLE;
    } finally {
      inFlight.remove(sid, mine);
    }
  }

  private static Outcome await(CompletableFuture<Outcome> running) {
    try {
      return running.get(WAIT_FOR_OTHERS.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.UNAVAILABLE;
    } catch (ExecutionException | TimeoutException e) {
      return Outcome.UNAVAILABLE;
    }
  }

  private Outcome confirm(String sid) {
    Optional<PortalSession> login = sessions.find(sid).filter(PortalSession::isActive);
    if (login.isEmpty()) {
      return Outcome.ENDED;
    }
    return confirmIn(httpSessions, login.get());
  }

  private <S extends Session> Outcome confirmIn(
      SessionRepository<S> repository, PortalSession login) {
    S session = repository.findById(login.httpSessionId());
    if (session == null
        || !(session.getAttribute(SessionAuthorizedClients.ATTRIBUTE)
            instanceof OAuth2AuthorizedClient client)
        || client.getRefreshToken() == null) {
      log.info("Token refresh impossible: user={} reason=session.gone", login.username());
      return Outcome.ENDED;
    }
    OAuth2AccessTokenResponse response;
    Counter.Builder calls =
        Counter.builder("portal.gateway.keycloak.refresh")
            .description("Refresh-token grants sent to Keycloak");
    try {
      response =
          keycloak.getTokenResponse(
              new OAuth2RefreshTokenGrantRequest(
                  registrations.current(), client.getAccessToken(), client.getRefreshToken()));
    } catch (OAuth2AuthorizationException e) {
      String code = e.getError().getErrorCode();
      calls.tag("outcome", "refused").register(meters).increment();
      if ("invalid_grant".equals(code)) {
        log.info("Token refresh refused: user={} reason=invalid_grant", login.username());
        return Outcome.ENDED;
      }
      log.warn("Token refresh failed: user={} error={}", login.username(), code);
      return Outcome.UNAVAILABLE;
    } catch (RuntimeException e) {
      calls.tag("outcome", "unreachable").register(meters).increment();
      log.warn(
          "Token refresh failed: user={} error={}", login.username(), e.getClass().getSimpleName());
      return Outcome.UNAVAILABLE;
    }
    calls.tag("outcome", "renewed").register(meters).increment();
    OAuth2AuthorizedClient renewed =
        new OAuth2AuthorizedClient(
            client.getClientRegistration(),
            client.getPrincipalName(),
            response.getAccessToken(),
            response.getRefreshToken() != null
                ? response.getRefreshToken()
                : client.getRefreshToken());
    session.setAttribute(SessionAuthorizedClients.ATTRIBUTE, renewed);
    repository.save(session);
    log.debug("Token refreshed: user={}", login.username());
    return Outcome.RENEWED;
  }
}
