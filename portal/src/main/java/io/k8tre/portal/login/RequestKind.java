package io.k8tre.portal.login;

import jakarta.servlet.http.HttpServletRequest;

/** Tells a top-level page load from a script's call, which must never be sent to a login page. */
public final class RequestKind {

  private RequestKind() {}

  /** True for {@code /api/} paths, JSON-only clients, XHR and non-navigating fetches. */
  public static boolean isApiCall(HttpServletRequest request) {
    if (request.getRequestURI().startsWith("/api/")) {
      return true;
    }
    if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
      return true;
    }
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null && !mode.equalsIgnoreCase("navigate")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}
