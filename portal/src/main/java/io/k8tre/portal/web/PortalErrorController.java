package io.k8tre.portal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Every error that reaches the container ends here, on a page of ours. */
@Controller
class PortalErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(PortalErrorController.class);

  /** A request attribute naming the reason code, for errors raised before any controller ran. */
  static final String REASON = PortalErrorController.class.getName() + ".reason";

  private static boolean isDatabaseOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  @RequestMapping("/error")
  Object error(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null || !status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof Throwable t && isDatabaseOutage(t)) {
      log.warn(
          "Request failed: the database is unreachable; path={}",
          request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
      return ErrorPages.render(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "database.unavailable",
          "The portal cannot reach its database just now. Apps you already opened keep working;"
              + " please try this again in a minute.");
    }
    if (status.is5xxServerError() && exception instanceof Throwable t) {
      log.error(
          "Request failed: status={} path={}",
          status.value(),
          request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          t);
    }
    String reason =
        request.getAttribute(REASON) instanceof String given
            ? given
            : status.name().toLowerCase(Locale.ROOT).replace('_', '.');
    return ErrorPages.render(request, response, status, reason, ErrorPages.explain(status));
  }
}
