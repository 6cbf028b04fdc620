package io.k8tre.operator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When an unused desktop is stopped. Use is what the portal records at each connect (the {@code
 * k8tre.io/last-activity} annotation); a desktop nobody connected to counts from its creation.
 */
final class IdlePolicy {

  private IdlePolicy() {}

  /** Time left before the desktop is stopped; zero or negative means stop it now. */
  static Duration remaining(String lastActivity, Instant created, Duration timeout, Instant now) {
    Instant last = parse(lastActivity).filter(t -> t.isAfter(created)).orElse(created);
    return Duration.between(now, last.plus(timeout));
  }

  private static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
