package io.k8tre.portal.web;

import io.k8tre.portal.login.PortalUser;
import io.k8tre.portal.login.RequestKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders one error: an HTML page for people, a small JSON problem for scripts. Both carry the
 * status, a reason code and the request id; never a stack trace or an exception message.
 */
final class ErrorPages {

  private ErrorPages() {}

  static Object render(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String reason,
      String explanation) {
    String requestId = RequestIdFilter.of(request);
    response.setHeader("Cache-Control", "no-store");
    if (RequestKind.isApiCall(request)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status.value());
      body.put("error", status.getReasonPhrase());
      body.put("reason", reason);
      body.put("message", explanation);
      body.put("requestId", requestId);
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("title", status.getReasonPhrase());
    page.addObject("reason", reason);
    page.addObject("explanation", explanation);
    page.addObject("requestId", requestId);
    // The header shows who is signed in on error pages too, not a misleading "Sign in".
    PortalUser.of(SecurityContextHolder.getContext().getAuthentication())
        .ifPresent(user -> page.addObject("user", user));
    return page;
  }

  /** A sentence for statuses that reach the error page without a reason of ours. */
  static String explain(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is no page at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
      case BAD_REQUEST -> "The request was not understood.";
      case UNAUTHORIZED -> "Please sign in first.";
      case FORBIDDEN -> "You are not allowed to do this.";
      default ->
          status.is5xxServerError()
              ? "Something went wrong on our side. Quote the request id if you report it."
              : "The request could not be completed.";
    };
  }
}
