package io.k8tre.portal.gateway;

import io.k8tre.portal.audit.AccessFolding;
import io.k8tre.portal.audit.AuditProperties;
import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.audit.ClientAddresses;
import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.web.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
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
  private final Audits audits;
  private final AccessFolding folding;
  private final boolean auditing;
  private final ClientAddresses addresses;
  private final MeterRegistry meters;
  private final Timer latency;

  /** Reasons are a small closed set; registering a meter per request would cost a lookup. */
  private final Map<String, Counter> decisionCounters = new ConcurrentHashMap<>();

  ValidateController(
      Gateway gateway,
      OriginalRequests originals,
      IdentityHeaders identity,
      AuthCookieWriter cookies,
      Clock clock,
      PortalProperties portal,
      Audits audits,
      AccessFolding folding,
      ClientAddresses addresses,
      AuditProperties audit,
      MeterRegistry meters) {
    this.meters = meters;
    this.auditing = audit.enabled();
    this.latency =
        Timer.builder("portal.gateway.latency")
            .description("Time to answer an auth_request")
            .publishPercentileHistogram()
            .register(meters);
    this.audits = audits;
    this.folding = folding;
    this.addresses = addresses;
    this.loginUrl = portal.publicUrl().resolve("/login?redirect=").toString();
    this.gateway = gateway;
    this.originals = originals;
    this.identity = identity;
    this.cookies = cookies;
    this.clock = clock;
  }

  @RequestMapping(
      value = "/auth/validate",
      method = {
        RequestMethod.GET,
        RequestMethod.HEAD,
        RequestMethod.POST,
        RequestMethod.PUT,
        RequestMethod.PATCH,
        RequestMethod.DELETE,
        RequestMethod.OPTIONS
      })
  void validate(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long started = System.nanoTime();
    try {
      answer(request, response);
    } finally {
      latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader(HttpHeaders.VARY, "Cookie, Authorization");
    GatewayRequest parsed = originals.read(request);
    GatewayAnswer answer =
        parsed == null
            ? GatewayAnswer.forbidden("request.malformed", null)
            : gateway.decide(parsed);
    log(answer);
    if (auditing) {
      audit(answer, request);
    }
    decisionCounters
        .computeIfAbsent(
            answer.reason(),
            reason ->
                Counter.builder("portal.gateway.decisions")
                    .description("Gateway answers by decision and reason")
                    .tag("decision", answer.decision())
                    .tag("reason", reason)
                    .register(meters))
        .increment();

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

  /** Denies one record each; allows folded per person, project and app (see AccessFolding). */
  private void audit(GatewayAnswer answer, HttpServletRequest request) {
    ProjectToken token = answer.token();
    String app = answer.app() == null ? null : answer.app().name();
    if (answer.allowed()) {
      folding.allowed(
          token.username(),
          token.project(),
          app,
          RequestIdFilter.of(request),
          () -> addresses.of(request));
      return;
    }
    if (token == null && "token.missing".equals(answer.reason())) {
      // Nobody is named: counted in the metrics, not recorded per request.
      return;
    }
    audits.record(
        request,
        "gateway.deny",
        token == null ? null : token.username(),
        token == null ? null : token.project(),
        app,
        "deny",
        answer.reason());
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
