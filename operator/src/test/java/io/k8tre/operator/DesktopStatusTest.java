package io.k8tre.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.api.VDIInstanceStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DesktopStatusTest {

  private static final Desktop DESKTOP =
      new Desktop(
          "d", "project-p", "uid", "u", "p", null, "img", null, null, null, Duration.ofHours(1));
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void nextWhenVerdictUnchangedThenSameObjectSoNothingIsWritten() {
    VDIInstanceStatus first =
        DesktopStatus.next(null, DESKTOP, 1, DesktopStatus.judge(PodState.ABSENT), T0);

    VDIInstanceStatus again =
        DesktopStatus.next(
            first, DESKTOP, 1, DesktopStatus.judge(PodState.ABSENT), T0.plusSeconds(30));

    assertThat(again).isSameAs(first);
  }

  @Test
  void nextWhenReasonChangesButNotStatusThenTransitionTimeKept() {
    VDIInstanceStatus first =
        DesktopStatus.next(null, DESKTOP, 1, DesktopStatus.judge(PodState.ABSENT), T0);
    PodState starting = new PodState(true, "Pending", true, false, null, null);

    VDIInstanceStatus next =
        DesktopStatus.next(first, DESKTOP, 1, DesktopStatus.judge(starting), T0.plusSeconds(5));

    assertThat(next.getPhase()).isEqualTo("Provisioning");
    assertThat(next.getConditions().getFirst().reason()).isEqualTo("DesktopStarting");
    assertThat(next.getConditions().getFirst().lastTransitionTime()).isEqualTo(T0.toString());
  }

  @Test
  void nextWhenReadyThenTransitionTimeMovesAndGenerationRecorded() {
    VDIInstanceStatus first =
        DesktopStatus.next(null, DESKTOP, 1, DesktopStatus.judge(PodState.ABSENT), T0);
    PodState ready = new PodState(true, "Running", true, true, null, null);

    VDIInstanceStatus next =
        DesktopStatus.next(first, DESKTOP, 2, DesktopStatus.judge(ready), T0.plusSeconds(9));

    assertThat(next.getConditions().getFirst().status()).isEqualTo("True");
    assertThat(next.getConditions().getFirst().lastTransitionTime())
        .isEqualTo(T0.plusSeconds(9).toString());
    assertThat(next.getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void remainingWhenActivityRecordedThenCountsFromIt() {
    Duration left =
        IdlePolicy.remaining(
            T0.plusSeconds(600).toString(), T0, Duration.ofMinutes(30), T0.plusSeconds(1200));

    assertThat(left).isEqualTo(Duration.ofMinutes(20));
    assertThat(IdlePolicy.remaining("garbage", T0, Duration.ofMinutes(30), T0.plusSeconds(1800)))
        .isZero();
  }
}
