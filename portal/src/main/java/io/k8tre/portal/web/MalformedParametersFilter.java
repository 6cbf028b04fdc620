package io.k8tre.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses the query string and form body before anything else does. Tomcat refuses parameters it
 * cannot decode or that exceed its limits by throwing; left alone, that exception reaches the
 * container, which logs it at ERROR with the undecodable value in the message (CR and LF included,
 * so a request could write lines of its choosing into the log). Here it becomes a 400 with a reason
 * code and a one-line log without the value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class MalformedParametersFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(MalformedParametersFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParameterMap();
    } catch (IllegalStateException e) {
      // org.apache.tomcat.util.http.InvalidParameterException; its message quotes the value.
      // The path as Tomcat accepted it cannot hold a raw CR or LF.
      log.info(
          "Request refused: parameters malformed or too large; path={}", request.getRequestURI());
      request.setAttribute(PortalErrorController.REASON, "request.parameters-malformed");
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    chain.doFilter(request, response);
  }
}
