package io.k8tre.portal.directory;

/** Who exists, which groups they are in and which projects and apps there are, right now. */
public interface Directory {

  /**
   * Returns the current snapshot; never {@code null}, empty until the first load finished.
   *
   * @return the snapshot; keep using one snapshot for one decision so it is consistent
   */
  DirectorySnapshot snapshot();
}
