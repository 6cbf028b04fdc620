package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessFoldingTest {

  private final List<AuditEvent> recorded = new ArrayList<>();
  private final AccessFolding folding = new AccessFolding(recorded::add, Clock.systemUTC());

  @Test
  void allowedWhenAccessStartsThenOneStartRecordAndCountsFoldedPerInterval() {
    for (int i = 0; i < 40; i++) {
      folding.allowed("trevolution", "asthma", "jupyterhub", "req", () -> "10.0.0.1");
    }
    assertThat(recorded)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo("access.start"));

    folding.closeInterval();

    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(1).kind()).isEqualTo("access");
    assertThat(recorded.get(1).count()).isEqualTo(40);
  }

  @Test
  void allowedWhenAccessContinuesIntoNextIntervalThenNoNewStart() {
    folding.allowed("trevolution", "asthma", "jupyterhub", null, () -> null);
    folding.closeInterval();

    folding.allowed("trevolution", "asthma", "jupyterhub", null, () -> null);
    folding.closeInterval();

    assertThat(recorded)
        .extracting(AuditEvent::kind)
        .containsExactly("access.start", "access", "access");
  }

  @Test
  void allowedAfterAQuietIntervalThenAccessStartsAgain() {
    folding.allowed("trevolution", "asthma", "jupyterhub", null, () -> null);
    folding.closeInterval();
    folding.closeInterval();

    folding.allowed("trevolution", "asthma", "jupyterhub", null, () -> null);

    assertThat(recorded)
        .extracting(AuditEvent::kind)
        .containsExactly("access.start", "access", "access.start");
  }

  @Test
  void allowedForDifferentAppsOrProjectsThenSeparateRecords() {
    folding.allowed("trevolution", "asthma", "jupyterhub", null, () -> null);
    folding.allowed("trevolution", "diabetes", "jupyterhub", null, () -> null);
    folding.allowed("trevolution", "asthma", "guacamole", null, () -> null);

    assertThat(recorded).hasSize(3).allSatisfy(e -> assertThat(e.kind()).isEqualTo("access.start"));
  }
}
