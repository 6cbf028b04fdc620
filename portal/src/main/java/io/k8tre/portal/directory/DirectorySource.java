package io.k8tre.portal.directory;

import java.util.function.Consumer;

/**
 * Where users, groups and projects come from. Each implementation turns every change it sees into a
 * complete new snapshot; it never hands out partial updates.
 */
interface DirectorySource extends AutoCloseable {

  /**
   * Loads the current state, passes it to {@code listener}, then keeps passing a new snapshot after
   * every change until closed. Returns once the first snapshot was delivered.
   */
  void start(Consumer<DirectorySnapshot> listener);

  /** False while the source cannot see changes (a broken watch); the directory then ages. */
  default boolean isWatching() {
    return true;
  }

  /** Stops watching; no snapshot is delivered afterwards. */
  @Override
  void close();
}
