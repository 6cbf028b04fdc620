package io.k8tre.portal.login;

import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.gateway.AuthCookieWriter;
import io.k8tre.portal.gateway.AuthCookies;
import io.k8tre.portal.session.PortalSessions;
import io.k8tre.portal.session.SessionAttributes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Ends the login everywhere: the portal session's id is marked ended (every project token of it
 * fails at the gateway on every replica within a second or two), and the app-domain cookies the
 * browser still holds are expired.
 */
class PortalSessionLogoutHandler implements LogoutHandler {

  private final PortalSessions sessions;
  private final AuthCookieWriter cookies;
  private final Audits audits;

  PortalSessionLogoutHandler(PortalSessions sessions, PortalProperties settings, Audits audits) {
    this.sessions = sessions;
    this.audits = audits;
    this.cookies =
        new AuthCookieWriter(
            settings.domain(), Duration.ZERO, "https".equals(settings.publicUrl().getScheme()));
  }

  @Override
  public void logout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SessionAttributes.SID) instanceof String sid) {
      sessions.end(sid, "logout");
      audits.record(
          request,
          "logout",
          PortalUser.usernameOf(authentication).orElse(null),
          null,
          null,
          "ok",
          "logout");
    }
    if (request.getCookies() == null) {
      return;
    }
    for (Cookie cookie : request.getCookies()) {
      String name = cookie.getName();
      if (name.startsWith(AuthCookies.TOKEN_PREFIX) || name.equals(AuthCookies.CURRENT_PROJECT)) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookies.expired(name).toString());
      }
    }
  }
}
