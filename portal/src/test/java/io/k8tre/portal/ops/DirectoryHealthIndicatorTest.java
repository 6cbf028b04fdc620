package io.k8tre.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.support.GatewaySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The Kubernetes watch broken: readiness holds for the tolerated staleness, then goes down. */
class DirectoryHealthIndicatorTest {

  private Duration staleFor = Duration.ZERO;
  private boolean loaded = true;

  private final Directory directory =
      new Directory() {
        @Override
        public DirectorySnapshot snapshot() {
          return DirectorySnapshot.empty();
        }

        @Override
        public boolean isLoaded() {
          return loaded;
        }

        @Override
        public Duration staleFor() {
          return staleFor;
        }
      };

  private final DirectoryHealthIndicator health =
      new DirectoryHealthIndicator(directory, GatewaySettings.trusting());

  @Test
  void healthWhenWatchBrokenBrieflyThenStillUp() {
    staleFor = Duration.ofSeconds(30);

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void healthWhenWatchBrokenBeyondLimitThenDown() {
    staleFor = Duration.ofSeconds(61);

    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("reason", "watch-broken");
  }

  @Test
  void healthBeforeFirstLoadThenDown() {
    loaded = false;

    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }
}
