package io.k8tre.portal.directory;

/** Told about the first snapshot, then about every new one with the one it replaced. */
public interface SnapshotListener {

  /** The first snapshot this process loaded; nothing to compare it with here. */
  default void loaded(DirectorySnapshot first) {}

  void changed(DirectorySnapshot before, DirectorySnapshot after);
}
