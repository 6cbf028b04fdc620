package io.k8tre.portal.web;

import io.k8tre.portal.session.PortalSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is known to be down, pages that keep their session there answer the "database
 * unavailable" page at once, instead of after every session read and write has waited for a
 * connection. The gateway, the health and metrics endpoints, the back-channel logout, the internal
 * API and static files carry on: they answer from memory or say so themselves. Runs before Spring
 * Session's filter, so it never touches the session store.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final List<String> CARRY_ON =
      List.of(
          "/auth/validate",
          "/.well-known/",
          "/internal/",
          "/logout/connect/",
          "/actuator",
          "/health",
          "/css/",
          "/js/",
          "/favicon.ico",
          "/error");

  private final PortalSessions sessions;

  DatabaseOutageFilter(PortalSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (sessions.storeReachable()) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return CARRY_ON.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
    request.setAttribute(
        RequestDispatcher.ERROR_EXCEPTION,
        new DataAccessResourceFailureException("the session store's last poll failed"));
    request.getRequestDispatcher("/error").forward(request, response);
  }
}
