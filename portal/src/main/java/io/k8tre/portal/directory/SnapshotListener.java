package io.k8tre.portal.directory;

/** Told about every new snapshot after the first, with the one it replaced. */
public interface SnapshotListener {

  void changed(DirectorySnapshot before, DirectorySnapshot after);
}
