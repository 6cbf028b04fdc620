package io.k8tre.portal.gateway;

import io.k8tre.portal.config.PortalProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /auth/validate}, the target of nginx's {@code auth_request}. nginx understands only 2xx,
 * 401 and 403 from it (anything else becomes a 500 for the person), so every outcome, including
 * garbage input, maps to one of those three, and every answer is one decision line in the log. At
 * most one {@code Set-Cookie} is sent, since nginx copies only the first one back.
 */
@RestController
class ValidateController {

  private static final Logger decisions =
      LoggerFactory.getLogger("io.k8tre.portal.gateway.decisions");

  private final Gateway gateway;
  private final OriginalRequests originals;
  private final IdentityHeaders identity;
  private final AuthCookieWriter cookies;
  private final Clock clock;
  private final String loginUrl;

  ValidateController(
      Gateway gateway,
      OriginalRequests originals,
      IdentityHeaders identity,
      AuthCookieWriter cookies,
      Clock clock,
      PortalProperties portal) {
    this.loginUrl = portal.publicUrl().resolve("/login?redirect=").toString();
    this.gateway = gateway;
    this.originals = originals;
    this.identity = identity;
    this.cookies = cookies;
    this.clock = clock;
  }

  @RequestMapping("/auth/validate")
  void validate(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader(HttpHeaders.VARY, "Cookie, Authorization");
    GatewayRequest parsed = originals.read(request);
    GatewayAnswer answer =
        parsed == null
            ? GatewayAnswer.forbidden("request.malformed", null)
            : gateway.decide(parsed);
    log(answer);

    response.setHeader("X-Auth-Reason", answer.reason());
    if (answer.allowed()) {
      identity.write(answer, parsed, clock.instant().getEpochSecond(), response);
      if (answer.renewedToken() != null) {
        response.addHeader(
            HttpHeaders.SET_COOKIE,
            cookies.token(answer.token().project(), answer.renewedToken()).toString());
      }
      response.setStatus(200);
      return;
    }
    if (answer.status() == 401 && parsed != null && parsed.originalUrl() != null) {
      // nginx cannot URL-encode: the login address, with the way back, is made here.
      response.setHeader(
          "X-Auth-Login-Url",
          loginUrl + URLEncoder.encode(parsed.originalUrl(), StandardCharsets.UTF_8));
    }
    response.setStatus(answer.status());
    response.setContentType("application/json");
    response
        .getWriter()
        .write("{\"status\":" + answer.status() + ",\"reason\":\"" + answer.reason() + "\"}");
  }

  private static void log(GatewayAnswer answer) {
    ProjectToken token = answer.token();
    decisions.info(
        "Gateway decision: decision={} decision.reason={} status={} user={} project={} app={}"
            + " renewed={}",
        answer.decision(),
        answer.reason(),
        answer.status(),
        token == null ? "-" : token.username(),
        token == null ? "-" : token.project(),
        answer.app() == null ? "-" : answer.app().name(),
        answer.renewedToken() != null);
  }
}
