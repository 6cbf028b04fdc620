package io.k8tre.portal.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Loads the K8TRE sample manifests of the repository, for tests of any package. */
public final class SampleDirectory {

  /** The samples, relative to the portal module where tests run. */
  public static final Path FOLDER = Path.of("..", "samples", "k8tre-sample");

  private SampleDirectory() {}

  /** Returns a snapshot of the samples, read the way the folder source reads them. */
  public static DirectorySnapshot snapshot() {
    AtomicReference<DirectorySnapshot> loaded = new AtomicReference<>();
    try (var source = new FolderDirectorySource(properties(FOLDER, Duration.ofSeconds(60)))) {
      source.start(loaded::set);
    }
    return loaded.get();
  }

  static DirectoryProperties properties(Path folder, Duration poll) {
    return new DirectoryProperties(
        DirectoryProperties.Source.FOLDER,
        folder,
        "keycloak",
        poll,
        "identity.k8tre.io",
        "research.k8tre.io",
        "k8tre.io",
        "v1alpha1");
  }
}
