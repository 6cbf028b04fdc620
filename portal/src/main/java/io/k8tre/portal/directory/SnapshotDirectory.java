package io.k8tre.portal.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

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
  private volatile boolean loaded;
  private volatile Instant blindSince;

  private final List<SnapshotListener> listeners;

  SnapshotDirectory(DirectorySource source, String sourceName) {
    this(source, sourceName, List.of());
  }

  SnapshotDirectory(DirectorySource source, String sourceName, List<SnapshotListener> listeners) {
    this.source = source;
    this.sourceName = sourceName;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public DirectorySnapshot snapshot() {
    return current.get();
  }

  void publish(DirectorySnapshot next) {
    DirectorySnapshot before = current.getAndSet(next);
    boolean first = !loaded;
    loaded = true;
    for (SnapshotListener listener : listeners) {
      try {
        if (first) {
          listener.loaded(next);
        } else {
          listener.changed(before, next);
        }
      } catch (RuntimeException e) {
        log.warn(
            "Snapshot listener failed: listener={} error={}",
            listener.getClass().getSimpleName(),
            e.getClass().getSimpleName());
      }
    }
    log.info(
        "Directory snapshot from {}: {} users, {} groups, {} projects, {} problems",
        sourceName,
        next.users().size(),
        next.groups().size(),
        next.projects().size(),
        next.problems().size());
  }

  @Override
  public boolean isLoaded() {
    return loaded;
  }

  @Override
  public Duration staleFor() {
    Instant since = blindSince;
    return since == null ? Duration.ZERO : Duration.between(since, Instant.now());
  }

  /** Notes when the source stopped watching, and when it recovered. */
  @Scheduled(fixedDelayString = "PT1S")
  void checkWatch() {
    boolean watching = running && source.isWatching();
    if (!watching && blindSince == null) {
      blindSince = Instant.now();
      log.warn("Directory watch broken: source={}; check the API server and RBAC", sourceName);
    } else if (watching && blindSince != null) {
      blindSince = null;
      log.info("Directory watch restored: source={}", sourceName);
    }
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
