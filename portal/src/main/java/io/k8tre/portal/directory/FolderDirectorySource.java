package io.k8tre.portal.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads User, Group and Project manifests from the YAML files of one folder and polls it.
 *
 * <p>Polling content hashes rather than using a file watch service works the same on every file
 * system, including ConfigMap volumes, whose updates swap a symlink that some watchers miss.
 */
final class FolderDirectorySource implements DirectorySource {

  private static final Logger log = LoggerFactory.getLogger(FolderDirectorySource.class);

  private final Path folder;
  private final long pollMillis;
  private final ManifestFile.Parser parser;
  private volatile ScheduledExecutorService poller;
  private Map<Path, ManifestFile> files = Map.of();
  private Set<DirectoryProblem> reported = Set.of();
  private Consumer<DirectorySnapshot> listener;
  private boolean published;

  FolderDirectorySource(DirectoryProperties properties) {
    this.folder = properties.folder();
    this.pollMillis = Math.max(100, properties.pollInterval().toMillis());
    this.parser = new ManifestFile.Parser(new ManifestConverter(properties));
  }

  @Override
  public void start(Consumer<DirectorySnapshot> listener) {
    this.listener = listener;
    if (folder == null || !Files.isDirectory(folder)) {
      log.warn(
          "Directory folder {} does not exist; the directory stays empty until it does. "
              + "Set portal.directory.folder to a folder of User, Group and Project YAML files",
          folder);
    }
    // A new poller on every start: a stopped context (e.g. a paused test context) starts again.
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("directory-folder").daemon().unstarted(r));
    poller.execute(this::pollSafely);
    poller.scheduleWithFixedDelay(this::pollSafely, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    waitForFirstPoll();
  }

  @Override
  public void close() {
    ScheduledExecutorService running = poller;
    if (running != null) {
      running.shutdownNow();
    }
  }

  private void waitForFirstPoll() {
    try {
      poller.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("first read of " + folder + " failed", e);
    }
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException | IOException e) {
      log.warn("Could not read directory folder {}; keeping the last snapshot", folder, e);
    }
  }

  /** Runs on the poller thread only, so the fields need no locking. */
  private void poll() throws IOException {
    Map<Path, ManifestFile> next = new TreeMap<>();
    for (Path path : yamlFiles()) {
      byte[] content = Files.readAllBytes(path);
      ManifestFile previous = files.get(path);
      next.put(path, parser.parse(path, content, previous));
    }
    if (published && next.equals(files)) {
      return;
    }
    files = next;
    publish();
    published = true;
  }

  private void publish() {
    SnapshotAssembler assembler = new SnapshotAssembler();
    files.values().forEach(file -> file.addTo(assembler));
    DirectorySnapshot snapshot = assembler.build();
    warnOnce(snapshot.problems());
    listener.accept(snapshot);
  }

  private void warnOnce(List<DirectoryProblem> problems) {
    Set<DirectoryProblem> now = new HashSet<>(problems);
    for (DirectoryProblem p : problems) {
      if (!reported.contains(p)) {
        log.warn("Skipped {} in {}: {}", p.object(), p.source(), p.reason());
      }
    }
    reported = now;
  }

  private List<Path> yamlFiles() throws IOException {
    if (folder == null || !Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
