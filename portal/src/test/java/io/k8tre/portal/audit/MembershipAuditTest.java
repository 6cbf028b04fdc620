package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipAuditTest {

  private final List<AuditEvent> recorded = new ArrayList<>();
  private final MembershipAudit audit =
      new MembershipAudit(
          new Audits(
              recorded::add,
              new ClientAddresses(
                  new GatewayProperties(
                      null,
                      null,
                      null,
                      Duration.ofMinutes(10),
                      Duration.ofMinutes(3),
                      Duration.ofSeconds(30),
                      List.of("127.0.0.0/8"),
                      Duration.ofSeconds(60))),
              Clock.systemUTC()));

  private static DirectorySnapshot snapshot(boolean enabled, List<String> members) {
    return DirectorySnapshot.of(
        List.of(new DirectoryUser("ana", "ana", "ana@tre.example", enabled, List.of())),
        List.of(new DirectoryGroup("asthma-analyst", "", members, List.of("asthma"), List.of())),
        List.of(new DirectoryProject("asthma", "Asthma", List.of(), List.of())),
        List.of());
  }

  @Test
  void changedWhenRemovedFromGroupThenRevokedRecorded() {
    audit.changed(snapshot(true, List.of("ana")), snapshot(true, List.of()));

    assertThat(recorded)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("membership.revoked");
              assertThat(e.user()).isEqualTo("ana");
              assertThat(e.project()).isEqualTo("asthma");
            });
  }

  @Test
  void changedWhenDisabledThenAccessRevokedAndBackWhenEnabled() {
    audit.changed(snapshot(true, List.of("ana")), snapshot(false, List.of("ana")));
    audit.changed(snapshot(false, List.of("ana")), snapshot(true, List.of("ana")));

    assertThat(recorded)
        .extracting(AuditEvent::kind)
        .containsExactly("membership.revoked", "membership.granted");
  }

  @Test
  void changedWhenNothingChangedThenNothingRecorded() {
    audit.changed(snapshot(true, List.of("ana")), snapshot(true, List.of("ana")));

    assertThat(recorded).isEmpty();
  }
}
