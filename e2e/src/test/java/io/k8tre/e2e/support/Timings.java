package io.k8tre.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Wall-clock figures worth keeping: printed and appended to {@code target/e2e-timings.txt}. */
public final class Timings {

  private Timings() {}

  /** Records the time since {@code startNanos} (from {@link System#nanoTime()}). */
  public static long record(String what, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    String line = what + ": " + millis + " ms";
    System.out.println("[e2e timing] " + line);
    try {
      Path file = Path.of("target", "e2e-timings.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return millis;
  }
}
