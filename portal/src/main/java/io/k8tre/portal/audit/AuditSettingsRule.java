package io.k8tre.portal.audit;

import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.config.SettingsRule;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The record of access cannot be switched off in production; its settings must make sense. */
@Component
class AuditSettingsRule implements SettingsRule {

  private static final Logger log = LoggerFactory.getLogger(AuditSettingsRule.class);

  private final AuditProperties audit;

  AuditSettingsRule(AuditProperties audit) {
    this.audit = audit;
  }

  @Override
  public void check(PortalProperties portal, List<String> problems) {
    if (!audit.enabled()) {
      if (portal.mode() == PortalProperties.Mode.PRODUCTION) {
        problems.add(
            "portal.audit.enabled=false would keep no record of who had access; it exists to"
                + " measure the gateway's cost of auditing and is refused in production mode:"
                + " remove the setting");
      } else {
        log.warn("Audit is off (portal.audit.enabled=false): nothing is recorded");
      }
    }
    if (audit.bufferSize() < 1) {
      problems.add(
          "portal.audit.buffer-size=" + audit.bufferSize() + " must be at least 1 (default 10000)");
    }
    if (!positive(audit.foldInterval())) {
      problems.add(
          "portal.audit.fold-interval="
              + audit.foldInterval()
              + " must be more than 0 (default 5m)");
    }
    if (!positive(audit.retention())) {
      problems.add(
          "portal.audit.retention=" + audit.retention() + " must be more than 0 (default 400d)");
    }
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
