package io.k8tre.portal.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Not logged in: a page load goes to the login with its way back; an API call, XHR or {@code fetch}
 * gets a small JSON 401 so a script can react instead of following a redirect it cannot use.
 */
class PortalEntryPoint implements AuthenticationEntryPoint {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (RequestKind.isApiCall(request)) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      response
          .getWriter()
          .write("{\"status\":401,\"error\":\"not_authenticated\",\"reason\":\"session.missing\"}");
      return;
    }
    String back = request.getRequestURI();
    if (request.getQueryString() != null) {
      back += "?" + request.getQueryString();
    }
    response.sendRedirect("/login?redirect=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
  }
}
