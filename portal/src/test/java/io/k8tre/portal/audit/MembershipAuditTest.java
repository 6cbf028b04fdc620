package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.audit.MembershipLedger.Membership;
import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MembershipAuditTest {

  private final List<AuditEvent> recorded = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean trailDown = new AtomicBoolean();

  /** The audit table: keeps what is written, or fails while {@link #trailDown}. */
  private final AuditStore trail =
      new AuditStore() {
        @Override
        public void write(List<AuditEvent> events) {
          if (trailDown.get()) {
            throw new IllegalStateException("database unreachable");
          }
          recorded.addAll(events);
        }

        @Override
        public List<AuditEvent> find(AuditQuery query) {
          return List.copyOf(recorded);
        }

        @Override
        public int deleteBefore(Instant before) {
          return 0;
        }
      };

  private final MemoryMembershipLedger ledger = new MemoryMembershipLedger(trail);
  private final MembershipAudit audit = replica(ledger);

  private static MembershipAudit replica(MembershipLedger shared) {
    return new MembershipAudit(shared, Clock.systemUTC(), true);
  }

  private static DirectorySnapshot snapshot(boolean enabled, List<String> members) {
    return DirectorySnapshot.of(
        List.of(
            new DirectoryUser("ana", "ana", "ana@tre.example", enabled, List.of()),
            new DirectoryUser("ben", "ben", "ben@tre.example", true, List.of())),
        List.of(new DirectoryGroup("asthma-analyst", "", members, List.of("asthma"), List.of())),
        List.of(new DirectoryProject("asthma", "Asthma", List.of(), List.of())),
        List.of());
  }

  /** The first snapshot seen, then a clean slate for what the test looks at. */
  private void started(MembershipAudit replica, DirectorySnapshot first) {
    replica.loaded(first);
    assertThat(replica.runPending()).isTrue();
    recorded.clear();
  }

  private static List<String> lines(List<AuditEvent> events) {
    return events.stream().map(e -> e.kind() + " " + e.user() + " " + e.project()).toList();
  }

  @Test
  void loadedWhenLedgerEmptyThenEveryonesAccessFirstSeenOnce() {
    audit.loaded(snapshot(true, List.of("ana", "ben")));
    audit.runPending();

    assertThat(lines(recorded))
        .containsExactlyInAnyOrder(
            "membership.granted ana asthma", "membership.granted ben asthma");
    assertThat(recorded).allSatisfy(e -> assertThat(e.reason()).isEqualTo("membership.first-seen"));

    MembershipAudit second = replica(ledger);
    second.loaded(snapshot(true, List.of("ana", "ben")));
    second.runPending();
    assertThat(recorded).hasSize(2);
  }

  @Test
  void changedWhenRemovedFromGroupThenRevokedRecorded() {
    started(audit, snapshot(true, List.of("ana")));

    audit.changed(snapshot(true, List.of("ana")), snapshot(true, List.of()));
    audit.runPending();

    assertThat(recorded)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("membership.revoked");
              assertThat(e.user()).isEqualTo("ana");
              assertThat(e.project()).isEqualTo("asthma");
              assertThat(e.reason()).isEqualTo("membership.changed");
            });
  }

  @Test
  void changedWhenDisabledThenAccessRevokedAndBackWhenEnabled() {
    started(audit, snapshot(true, List.of("ana")));

    audit.changed(snapshot(true, List.of("ana")), snapshot(false, List.of("ana")));
    audit.changed(snapshot(false, List.of("ana")), snapshot(true, List.of("ana")));
    audit.runPending();

    assertThat(recorded)
        .extracting(AuditEvent::kind)
        .containsExactly("membership.revoked", "membership.granted");
  }

  @Test
  void changedWhenNothingChangedThenNothingRecorded() {
    started(audit, snapshot(true, List.of("ana")));

    audit.changed(snapshot(true, List.of("ana")), snapshot(true, List.of("ana")));
    audit.runPending();

    assertThat(recorded).isEmpty();
  }

  @Test
  void changedWhenTwoReplicasSeeTheSameChangeThenRecordedOnce() {
    MembershipAudit other = replica(ledger);
    started(audit, snapshot(true, List.of("ana")));
    started(other, snapshot(true, List.of("ana")));

    audit.changed(snapshot(true, List.of("ana")), snapshot(true, List.of("ana", "ben")));
    other.changed(snapshot(true, List.of("ana")), snapshot(true, List.of("ana", "ben")));
    audit.runPending();
    other.runPending();

    assertThat(lines(recorded)).containsExactly("membership.granted ben asthma");
  }

  @Test
  void loadedWhenAccessChangedWhileNoPortalWatchedThenTheDifferenceIsRecorded() {
    started(audit, snapshot(true, List.of("ana")));

    MembershipAudit restarted = replica(ledger);
    restarted.loaded(snapshot(true, List.of("ben")));
    restarted.runPending();

    assertThat(lines(recorded))
        .containsExactlyInAnyOrder(
            "membership.granted ben asthma", "membership.revoked ana asthma");
  }

  @Test
  void changedWhenLedgerUnreachableThenChangesWaitInOrderAndAreRecordedWhenItReturns() {
    AtomicBoolean down = new AtomicBoolean();
    MembershipLedger flaky =
        new MembershipLedger() {
          @Override
          public boolean add(Membership m, AuditEvent event) {
            fail();
            return ledger.add(m, event);
          }

          @Override
          public boolean remove(Membership m, AuditEvent event) {
            fail();
            return ledger.remove(m, event);
          }

          @Override
          public Set<Membership> all() {
            fail();
            return ledger.all();
          }

          private void fail() {
            if (down.get()) {
              throw new IllegalStateException("database unreachable");
            }
          }
        };
    MembershipAudit replica = replica(flaky);
    started(replica, snapshot(true, List.of("ana")));

    down.set(true);
    replica.changed(snapshot(true, List.of("ana")), snapshot(true, List.of()));
    replica.changed(snapshot(true, List.of()), snapshot(true, List.of("ben")));
    assertThat(replica.runPending()).isFalse();
    assertThat(recorded).isEmpty();

    down.set(false);
    assertThat(replica.runPending()).isTrue();
    assertThat(lines(recorded))
        .containsExactly("membership.revoked ana asthma", "membership.granted ben asthma");
  }

  @Test
  void changedWhenTheEventCannotBeWrittenThenLedgerUnchangedAndEveryReplicaCanStillRecordIt() {
    started(audit, snapshot(true, List.of("ana")));

    trailDown.set(true);
    audit.changed(snapshot(true, List.of("ana")), snapshot(true, List.of("ana", "ben")));
    assertThat(audit.runPending()).isFalse();
    assertThat(ledger.all()).doesNotContain(new Membership("ben", "asthma"));

    trailDown.set(false);
    MembershipAudit other = replica(ledger);
    other.loaded(snapshot(true, List.of("ana", "ben")));
    other.runPending();
    audit.runPending();
    assertThat(lines(recorded)).containsExactly("membership.granted ben asthma");
  }

  @Test
  void changedWhenAuditDisabledThenNothingRecordedOrNoted() {
    MembershipAudit off = new MembershipAudit(ledger, Clock.systemUTC(), false);

    off.loaded(snapshot(true, List.of("ana")));
    off.changed(snapshot(true, List.of("ana")), snapshot(true, List.of("ana", "ben")));
    off.runPending();

    assertThat(recorded).isEmpty();
    assertThat(ledger.all()).isEmpty();
  }
}
