package io.k8tre.portal.login;

import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.gateway.AuthCookies;
import io.k8tre.portal.launch.JupyterHubLauncher;
import io.k8tre.portal.launch.TokenReissue;
import io.k8tre.portal.session.SessionAttributes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login entry (with a checked way back), login failures, and the logout pages. */
@Controller
class LoginController {

  private static final Logger log = LoggerFactory.getLogger(LoginController.class);

  /** What a person reads for each failure reason; the code is shown too, for support. */
  private static final Map<String, String> FAILURES =
      Map.of(
          "authorization_request_not_found",
          "This sign-in link was already used, has expired, or was opened in a different browser"
              + " from the one that started it.",
          "invalid_state_parameter",
          "The sign-in answer did not match the sign-in this browser started.",
          "access_denied",
          "Keycloak did not let you sign in.",
          "temporarily_unavailable",
          "Keycloak is temporarily unavailable.");

  private final PortalProperties settings;
  private final KeycloakRegistrations registrations;
  private final TokenReissue reissue;
  private final Audits audits;

  LoginController(
      PortalProperties settings,
      KeycloakRegistrations registrations,
      TokenReissue reissue,
      Audits audits) {
    this.audits = audits;
    this.settings = settings;
    this.registrations = registrations;
    this.reissue = reissue;
  }

  @GetMapping("/login")
  String login(
      @RequestParam(name = "redirect", required = false) String redirect,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String target = LoginSuccessHandler.DEFAULT_TARGET;
    if (redirect != null) {
      ReturnTarget.Outcome outcome = ReturnTarget.check(redirect, settings.domain());
      if (!outcome.accepted()) {
        log.info("Login refused: decision=deny decision.reason={}", outcome.rejection());
        audits.record(request, "login.refused", null, null, null, "deny", outcome.rejection());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("reason", outcome.rejection());
        return "redirect-refused";
      }
      target = outcome.target();
    }
    if (PortalUser.of(authentication).isPresent()) {
      return returnLoggedIn(target, authentication, request, response);
    }
    try {
      registrations.current();
      if (!registrations.reachable()) {
        throw new IdentityProviderUnavailableException("Keycloak does not answer", null);
      }
    } catch (IdentityProviderUnavailableException e) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return "login-unavailable";
    }
    request.getSession(true).setAttribute(LoginSuccessHandler.RETURN_TO, target);
    return "redirect:"
        + SecurityConfiguration.AUTHORIZATION_BASE
        + "/"
        + KeycloakRegistrations.REGISTRATION_ID;
  }

  /**
   * Already logged in: a path on the portal is followed as it is. An app address means the project
   * token ran out while the portal session lives on: renew it for the project last launched, or go
   * to the project list rather than back into a loop of 401s.
   */
  private String returnLoggedIn(
      String target,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (target.startsWith("/")) {
      return "redirect:" + target;
    }
    PortalUser user = PortalUser.of(authentication).orElseThrow();
    HttpSession session = request.getSession(false);
    Object sid = session == null ? null : session.getAttribute(SessionAttributes.SID);
    String project = currentProject(request);
    OidcUser oidc = (OidcUser) authentication.getPrincipal();
    Optional<ResponseCookie> cookie =
        reissue.forProject(
            new JupyterHubLauncher.Person(oidc.getSubject(), user.username(), user.email()),
            project,
            sid instanceof String s ? s : null);
    if (cookie.isEmpty()) {
      return "redirect:/projects";
    }
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.get().toString());
    log.info("Token reissued: user={} project={}", user.username(), project);
    return "redirect:" + target;
  }

  private static String currentProject(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie cookie : request.getCookies()) {
      if (AuthCookies.CURRENT_PROJECT.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  @GetMapping("/login/failed")
  String loginFailed(
      @RequestParam(name = "reason", required = false) String reason,
      HttpServletResponse response,
      Model model) {
    String code = reason != null && FAILURES.containsKey(reason) ? reason : "login_failed";
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    model.addAttribute("reason", code);
    model.addAttribute(
        "explanation", FAILURES.getOrDefault(code, "The sign-in could not be completed."));
    return "login-failed";
  }

  /** A page with the logout button: logging out is a POST with a CSRF token, never a link. */
  @GetMapping("/logout")
  String logoutPage() {
    return "logout";
  }

  @GetMapping("/logged-out")
  String loggedOut(@RequestParam(name = "sso", required = false) String sso, Model model) {
    model.addAttribute("ssoKept", "kept".equals(sso));
    return "logged-out";
  }
}
