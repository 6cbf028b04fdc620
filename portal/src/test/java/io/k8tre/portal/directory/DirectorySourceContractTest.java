package io.k8tre.portal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DirectorySource} must do; each implementation's test extends this and says how
 * to store and remove a group in its backend.
 */
abstract class DirectorySourceContractTest {

  /** How quickly a change must show up; the gateway relies on revocations landing fast. */
  static final Duration FOLLOW = Duration.ofSeconds(2);

  private final AtomicReference<DirectorySnapshot> latest = new AtomicReference<>();
  private DirectorySource source;

  abstract DirectorySource newSource();

  abstract void putGroup(String name, List<String> members, List<String> projects);

  abstract void deleteGroup(String name);

  /** Returns once the source will notice changes; a source that polls is ready at once. */
  void awaitWatching() {}

  Duration follow() {
    return FOLLOW;
  }

  /** Returns once the backend has noticed that a closed source is gone. */
  void afterClose() {}

  DirectorySnapshot started() {
    source = newSource();
    source.start(latest::set);
    DirectorySnapshot first = latest.get();
    awaitWatching();
    return first;
  }

  DirectorySource source() {
    return source;
  }

  DirectorySnapshot latest() {
    return latest.get();
  }

  @AfterEach
  void closeSource() {
    if (source != null) {
      source.close();
    }
  }

  @Test
  void startWhenBackendEmptyThenFirstSnapshotDeliveredAndEmpty() {
    DirectorySnapshot first = started();

    assertThat(first).isNotNull();
    assertThat(first.groups()).isEmpty();
  }

  @Test
  void startWhenGroupCreatedThenSnapshotFollows() {
    started();

    putGroup("lab", List.of("ada"), List.of("alpha"));

    await().atMost(follow()).until(() -> latest().group("lab").isPresent());
    assertThat(latest().group("lab").orElseThrow().members()).containsExactly("ada");
  }

  @Test
  void startAgainAfterCloseThenChangesMadeMeanwhileAndAfterAreFollowed() {
    started();
    source.close();
    afterClose();
    putGroup("meanwhile", List.of("ada"), List.of("alpha"));

    source.start(latest::set);
    awaitWatching();

    assertThat(latest().group("meanwhile")).isPresent();
    putGroup("after", List.of("bob"), List.of("beta"));
    await().atMost(follow()).until(() -> latest().group("after").isPresent());
  }

  @Test
  void startWhenGroupChangedThenSnapshotFollows() {
    putGroup("lab", List.of("ada"), List.of("alpha"));
    started();

    putGroup("lab", List.of("ada", "grace"), List.of("alpha"));

    await()
        .atMost(follow())
        .until(() -> latest().group("lab").map(g -> g.members().size() == 2).orElse(false));
  }

  @Test
  void startWhenGroupDeletedThenSnapshotFollows() {
    putGroup("lab", List.of("ada"), List.of("alpha"));
    assertThat(started().group("lab")).isPresent();

    deleteGroup("lab");

    await().atMost(follow()).until(() -> latest().group("lab").isEmpty());
  }
}
