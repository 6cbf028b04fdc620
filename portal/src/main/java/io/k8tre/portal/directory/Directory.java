package io.k8tre.portal.directory;

import java.time.Duration;

/** Who exists, which groups they are in and which projects and apps there are, right now. */
public interface Directory {

  /**
   * Returns the current snapshot; never {@code null}, empty until the first load finished.
   *
   * @return the snapshot; keep using one snapshot for one decision so it is consistent
   */
  DirectorySnapshot snapshot();

  /** True once the first snapshot from the source has been published. */
  default boolean isLoaded() {
    return true;
  }

  /**
   * How long the source has been unable to see changes; zero while it watches. The gateway fails
   * closed once this passes its limit, since a removed member would otherwise keep access.
   */
  default Duration staleFor() {
    return Duration.ZERO;
  }
}
