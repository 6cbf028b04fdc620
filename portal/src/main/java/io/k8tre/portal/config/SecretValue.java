package io.k8tre.portal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a secret given inline or as a file. Files win, since a mounted Kubernetes Secret is the
 * production way and an inline value is for local runs.
 */
public final class SecretValue {

  /** Values that ship in samples or in the original portal's code and must never guard data. */
  static final Set<String> KNOWN_DEFAULTS =
      Set.of(
          "demo-backend-secret",
          "backend-secret",
          "change-me",
          "changeme",
          "secret",
          "dev-secret-key",
          "password");

  private SecretValue() {}

  /** The trimmed secret, or empty when neither source is set or the value is blank. */
  public static Optional<String> resolve(String inline, Path file) {
    if (file != null) {
      try {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read secret file " + file, e);
      }
    }
    if (inline == null || inline.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(inline.strip());
  }

  /** True for a value that is public knowledge (a shipped default). */
  public static boolean isKnownDefault(String value) {
    return KNOWN_DEFAULTS.contains(value.toLowerCase(java.util.Locale.ROOT));
  }

  /** How a secret looks in a problem report: its shape, never its value. */
  public static String shape(String value) {
    return value == null ? "unset" : "set, " + value.length() + " characters";
  }
}
