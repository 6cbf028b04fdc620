package io.k8tre.operator;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in Kubernetes manifests: {@code 90s}, {@code 30m}, {@code 8h}. */
final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(s|m|h|d)");

  private Durations() {}

  /** The duration, or empty when the text is blank or not one number with a unit. */
  static Optional<Duration> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = SIMPLE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
  }
}
