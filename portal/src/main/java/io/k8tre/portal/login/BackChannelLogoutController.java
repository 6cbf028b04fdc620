package io.k8tre.portal.login;

import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.session.PortalSession;
import io.k8tre.portal.session.PortalSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keycloak's back-channel logout: a signed logout token naming a Keycloak session; every portal
 * login of that session ends (and with it every project token) on all replicas. Answers 200 when
 * the token is valid (also when no login matched), 400 when it is not, as the specification asks.
 */
@RestController
class BackChannelLogoutController {

  static final String PATH = "/logout/connect/back-channel/keycloak";

  private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutController.class);

  private final KeycloakRegistrations registrations;
  private final PortalSessions sessions;
  private final SessionRepository<? extends Session> httpSessions;
  private final Audits audits;
  private final AtomicReference<JwtDecoder> decoder = new AtomicReference<>();

  BackChannelLogoutController(
      KeycloakRegistrations registrations,
      PortalSessions sessions,
      SessionRepository<? extends Session> httpSessions,
      Audits audits) {
    this.registrations = registrations;
    this.sessions = sessions;
    this.httpSessions = httpSessions;
    this.audits = audits;
  }

  @PostMapping(PATH)
  ResponseEntity<Map<String, String>> logout(
      @RequestParam(name = "logout_token", required = false) String token,
      HttpServletRequest request) {
    if (token == null || token.isBlank() || token.length() > 16_384) {
      return refuse("logout_token.missing");
    }
    Jwt jwt;
    try {
      jwt = decoder().decode(token);
    } catch (JwtException e) {
      log.debug("Logout token refused: {}", e.getMessage());
      return refuse("logout_token.invalid");
    } catch (IdentityProviderUnavailableException e) {
      return ResponseEntity.status(503).body(Map.of("error", "temporarily_unavailable"));
    }
    List<PortalSession> matching = sessions.activeOfIdpSession(jwt.getClaimAsString("sid"));
    for (PortalSession login : matching) {
      sessions.end(login.sid(), "idp-logout");
      httpSessions.deleteById(login.httpSessionId());
      audits.record(request, "session.revoked", login.username(), null, null, "ok", "idp-logout");
    }
    log.info("Back-channel logout: sessions={}", matching.size());
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of());
  }

  private ResponseEntity<Map<String, String>> refuse(String reason) {
    log.info("Back-channel logout refused: decision=deny decision.reason={}", reason);
    return ResponseEntity.badRequest()
        .body(Map.of("error", "invalid_request", "error_description", reason));
  }

  private JwtDecoder decoder() {
    JwtDecoder known = decoder.get();
    if (known != null) {
      return known;
    }
    ClientRegistration registration = registrations.current();
    NimbusJwtDecoder built =
        NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
            // Logout tokens are typed logout+jwt; LogoutTokenValidator checks the type instead.
            .validateType(false)
            .build();
    built.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            // Not JwtValidators' defaults: they insist on typ JWT, and logout tokens differ.
            new JwtTimestampValidator(),
            new JwtIssuerValidator(registration.getProviderDetails().getIssuerUri()),
            new LogoutTokenValidator(registration.getClientId())));
    decoder.compareAndSet(null, built);
    return decoder.get();
  }
}
