package io.k8tre.portal.directory;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The {@link Directory} bean: holds the latest snapshot of its source and swaps it atomically, so a
 * request sees either the old or the new state, never a mix.
 */
final class SnapshotDirectory implements Directory, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SnapshotDirectory.class);

  private final DirectorySource source;
  private final String sourceName;
  private final AtomicReference<DirectorySnapshot> current =
      new AtomicReference<>(DirectorySnapshot.empty());
  private volatile boolean running;

  SnapshotDirectory(DirectorySource source, String sourceName) {
    this.source = source;
    this.sourceName = sourceName;
  }

  @Override
  public DirectorySnapshot snapshot() {
    return current.get();
  }

  void publish(DirectorySnapshot next) {
    current.set(next);
    log.info(
        "Directory snapshot from {}: {} users, {} groups, {} projects, {} problems",
        sourceName,
        next.users().size(),
        next.groups().size(),
        next.projects().size(),
        next.problems().size());
  }

  @Override
  public void start() {
    source.start(this::publish);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    source.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
