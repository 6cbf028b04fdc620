package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8tre.portal.audit.MembershipLedger.Membership;
import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.support.PostgresDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger on the real PostgreSQL, migrated by the portal's own Flyway scripts: replicas racing
 * to note the same change get exactly one "you record it", and the ledger and the audit table
 * change together or not at all.
 */
class JdbcMembershipLedgerIT {

  private static DriverManagerDataSource dataSource;

  @BeforeAll
  static void database() {
    dataSource =
        new DriverManagerDataSource(PostgresDatabase.recreateSeparate("ledger"), "postgres", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @Test
  void addWhenEightReplicasRaceThenExactlyOneRecords() throws Exception {
    Membership m = new Membership("ana", "asthma-" + System.nanoTime());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> replicas = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        JdbcMembershipLedger ledger = ledger(new JdbcAuditStore(new JdbcTemplate(dataSource)));
        replicas.add(() -> ledger.add(m, event(m)));
      }
      long winners = 0;
      for (Future<Boolean> result : pool.invokeAll(replicas)) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(rowsFor(m)).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void removeWhenNotedThenOnceAndAllReflectsIt() {
    JdbcMembershipLedger one = ledger(new JdbcAuditStore(new JdbcTemplate(dataSource)));
    JdbcMembershipLedger two = ledger(new JdbcAuditStore(new JdbcTemplate(dataSource)));
    Membership m = new Membership("ben", "copd-" + System.nanoTime());

    assertThat(one.add(m, event(m))).isTrue();
    assertThat(two.all()).contains(m);
    assertThat(two.remove(m, event(m))).isTrue();
    assertThat(one.remove(m, event(m))).isFalse();
    assertThat(one.all()).doesNotContain(m);
    assertThat(rowsFor(m)).isEqualTo(2);
  }

  @Test
  void addWhenTheAuditRowFailsThenTheLedgerRowIsRolledBack() {
    Membership m = new Membership("cat", "asthma-" + System.nanoTime());
    AuditStore real = new JdbcAuditStore(new JdbcTemplate(dataSource));
    AtomicBoolean fail = new AtomicBoolean(true);
    JdbcMembershipLedger ledger =
        ledger(
            new AuditStore() {
              @Override
              public void write(List<AuditEvent> events) {
                real.write(events);
                if (fail.get()) {
                  throw new IllegalStateException("connection lost after the audit row");
                }
              }

              @Override
              public List<AuditEvent> find(AuditQuery query) {
                return real.find(query);
              }

              @Override
              public int deleteBefore(Instant before) {
                return real.deleteBefore(before);
              }
            });

    assertThatThrownBy(() -> ledger.add(m, event(m))).isInstanceOf(IllegalStateException.class);
    assertThat(ledger.all()).doesNotContain(m);
    assertThat(rowsFor(m)).isZero();

    fail.set(false);
    assertThat(ledger.add(m, event(m))).isTrue();
    assertThat(rowsFor(m)).isEqualTo(1);
  }

  @Test
  void changedWhenTheDatabaseRefusesOneMembershipThenLaterChangesAreStillRecorded() {
    String project = "copd-" + System.nanoTime();
    String tooLong = "u".repeat(300);
    MembershipAudit audit =
        new MembershipAudit(
            ledger(new JdbcAuditStore(new JdbcTemplate(dataSource))), Clock.systemUTC(), true);
    audit.changed(snapshot(project), snapshot(project, tooLong));
    audit.changed(snapshot(project, tooLong), snapshot(project, tooLong, "dan"));

    assertThat(audit.runPending()).isTrue();
    assertThat(rowsFor(new Membership("dan", project))).isEqualTo(1);
    assertThat(rowsFor(new Membership(tooLong, project))).isZero();
  }

  private static DirectorySnapshot snapshot(String project, String... members) {
    List<DirectoryUser> users = new ArrayList<>();
    for (String name : List.of("u".repeat(300), "dan")) {
      users.add(new DirectoryUser(name, name, "", true, List.of()));
    }
    return DirectorySnapshot.of(
        users,
        List.of(
            new DirectoryGroup(
                project + "-team", "", List.of(members), List.of(project), List.of())),
        List.of(new DirectoryProject(project, project, List.of(), List.of())),
        List.of());
  }

  private static JdbcMembershipLedger ledger(AuditStore trail) {
    return new JdbcMembershipLedger(
        new JdbcTemplate(dataSource),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
        trail);
  }

  private static AuditEvent event(Membership m) {
    return new AuditEvent(
        Instant.now(),
        "membership.granted",
        m.user(),
        m.project(),
        null,
        "ok",
        "test",
        null,
        null,
        1);
  }

  private static int rowsFor(Membership m) {
    return new JdbcTemplate(dataSource)
        .queryForObject(
            "SELECT count(*) FROM audit_event WHERE username = ? AND project = ?",
            Integer.class,
            m.user(),
            m.project());
  }
}
