package io.k8tre.portal.ops;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.session.PortalSessions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Gauges for operators: the directory snapshot's age and size, how long its watch has been broken,
 * and the number of active portal logins. Gateway decisions, latency and refreshes are counted
 * where they happen.
 */
@Component
class PortalMetrics {

  PortalMetrics(MeterRegistry meters, Directory directory, PortalSessions sessions) {
    Gauge.builder("portal.directory.snapshot.age", directory, d -> seconds(d.snapshot().builtAt()))
        .baseUnit("seconds")
        .description("Seconds since the directory snapshot in use was built")
        .register(meters);
    Gauge.builder("portal.directory.users", directory, d -> d.snapshot().users().size())
        .register(meters);
    Gauge.builder("portal.directory.groups", directory, d -> d.snapshot().groups().size())
        .register(meters);
    Gauge.builder("portal.directory.projects", directory, d -> d.snapshot().projects().size())
        .register(meters);
    Gauge.builder("portal.directory.stale", directory, d -> d.staleFor().toMillis() / 1000.0)
        .baseUnit("seconds")
        .description("Seconds the resource watch has been broken; 0 while it watches")
        .register(meters);
    Gauge.builder("portal.sessions.active", sessions, PortalMetrics::active)
        .description("Active portal logins")
        .register(meters);
  }

  private static double seconds(Instant since) {
    return since == null ? Double.NaN : Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  private static double active(PortalSessions sessions) {
    try {
      return sessions.countActive();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
