package io.k8tre.portal.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever Maven runs the tests. */
public final class RepositoryLayout {

  private RepositoryLayout() {}

  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("bin/keycloak.sh"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "repository root (with bin/keycloak.sh) not found above " + Path.of("").toAbsolutePath());
  }

  public static Path samples() {
    return root().resolve("samples/k8tre-sample");
  }
}
