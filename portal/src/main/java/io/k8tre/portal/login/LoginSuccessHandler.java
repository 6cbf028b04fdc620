package io.k8tre.portal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** Sends the person where they were going before login: the target checked at {@code /login}. */
class LoginSuccessHandler implements AuthenticationSuccessHandler {

  static final String RETURN_TO = LoginSuccessHandler.class.getName() + ".RETURN_TO";
  static final String DEFAULT_TARGET = "/projects";

  private static final Logger log = LoggerFactory.getLogger(LoginSuccessHandler.class);

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    String target = DEFAULT_TARGET;
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(RETURN_TO) instanceof String saved) {
      target = saved;
      session.removeAttribute(RETURN_TO);
    }
    log.info("Login succeeded: user={}", PortalUser.usernameOf(authentication).orElse("?"));
    response.sendRedirect(target);
  }
}
