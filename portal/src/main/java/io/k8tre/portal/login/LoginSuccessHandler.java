package io.k8tre.portal.login;

import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.session.PortalSessions;
import io.k8tre.portal.session.SessionAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** Sends the person where they were going before login: the target checked at {@code /login}. */
class LoginSuccessHandler implements AuthenticationSuccessHandler {

  static final String RETURN_TO = LoginSuccessHandler.class.getName() + ".RETURN_TO";
  static final String DEFAULT_TARGET = "/projects";

  private static final Logger log = LoggerFactory.getLogger(LoginSuccessHandler.class);

  private final PortalSessions sessions;
  private final Audits audits;

  LoginSuccessHandler(PortalSessions sessions, Audits audits) {
    this.sessions = sessions;
    this.audits = audits;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String target = DEFAULT_TARGET;
    HttpSession session = request.getSession();
    if (session.getAttribute(RETURN_TO) instanceof String saved) {
      target = saved;
      session.removeAttribute(RETURN_TO);
    }
    String username = PortalUser.usernameOf(authentication).orElse("?");
    String idpSid =
        authentication.getPrincipal() instanceof OidcUser oidc
            ? oidc.getIdToken().getClaimAsString("sid")
            : null;
    String sid = sessions.start(session.getId(), username, request.getHeader("User-Agent"), idpSid);
    session.setAttribute(SessionAttributes.SID, sid);
    audits.record(request, "login", username, null, null, "ok", "login.ok");
    log.info("Login succeeded: user={}", username);
    response.sendRedirect(target);
  }
}
