package io.k8tre.portal.login;

import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.session.SessionAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed callback (unknown or replayed state, a callback opened in another browser, an error from
 * Keycloak) ends with no session at all and a page that says what happened.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

  /** OAuth2 error codes shown to people as they are; anything else is reported generically. */
  static final Set<String> KNOWN_REASONS =
      Set.of(
          "authorization_request_not_found",
          "invalid_state_parameter",
          "access_denied",
          "invalid_grant",
          "invalid_nonce",
          "invalid_id_token",
          "temporarily_unavailable");

  private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

  private final Audits audits;

  LoginFailureHandler(Audits audits) {
    this.audits = audits;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String reason = "login_failed";
    if (exception instanceof OAuth2AuthenticationException oauth
        && KNOWN_REASONS.contains(oauth.getError().getErrorCode())) {
      reason = oauth.getError().getErrorCode();
    }
    HttpSession session = request.getSession(false);
    // A failed callback leaves no half-started login behind. A signed-in person's session is
    // kept: otherwise any page could sign people out with a link to a forged callback.
    if (session != null && session.getAttribute(SessionAttributes.SID) == null) {
      session.invalidate();
    }
    audits.record(request, "login.failed", null, null, null, "deny", reason);
    log.info("Login failed: decision=deny decision.reason={}", reason);
    response.sendRedirect("/login/failed?reason=" + reason);
  }
}
