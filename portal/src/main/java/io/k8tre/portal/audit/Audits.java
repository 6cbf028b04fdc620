package io.k8tre.portal.audit;

import io.k8tre.portal.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Builds audit events from the request at hand, so callers state only what happened. */
@Component
public class Audits {

  private final AuditLog log;
  private final ClientAddresses addresses;
  private final Clock clock;

  Audits(AuditLog log, ClientAddresses addresses, Clock clock) {
    this.log = log;
    this.addresses = addresses;
    this.clock = clock;
  }

  public void record(
      HttpServletRequest request,
      String kind,
      String user,
      String project,
      String app,
      String outcome,
      String reason) {
    recordBy(request, null, kind, user, project, app, outcome, reason);
  }

  /**
   * An event one person caused to another's account (a platform admin ending someone's session):
   * {@code user} is whose it was, {@code actor} who acted.
   */
  public void recordBy(
      HttpServletRequest request,
      String actor,
      String kind,
      String user,
      String project,
      String app,
      String outcome,
      String reason) {
    log.record(
        new AuditEvent(
            clock.instant(),
            kind,
            user,
            project,
            app,
            outcome,
            reason,
            request == null ? null : RequestIdFilter.of(request),
            request == null ? null : addresses.of(request),
            1,
            null,
            actor));
  }

  /** An event with no request behind it (a change seen in the resources, a background job). */
  public void record(
      String kind, String user, String project, String app, String outcome, String reason) {
    record(null, kind, user, project, app, outcome, reason);
  }
}
