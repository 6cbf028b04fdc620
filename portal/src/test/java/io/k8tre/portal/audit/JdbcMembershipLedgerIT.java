package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.audit.MembershipLedger.Membership;
import io.k8tre.portal.support.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ledger on the real PostgreSQL, migrated by the portal's own Flyway scripts: replicas racing
 * to note the same change get exactly one "you record it".
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
        JdbcMembershipLedger ledger = new JdbcMembershipLedger(new JdbcTemplate(dataSource));
        replicas.add(() -> ledger.add(m));
      }
      long winners = 0;
      for (Future<Boolean> result : pool.invokeAll(replicas)) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void removeWhenNotedThenOnceAndAllReflectsIt() {
    JdbcMembershipLedger one = new JdbcMembershipLedger(new JdbcTemplate(dataSource));
    JdbcMembershipLedger two = new JdbcMembershipLedger(new JdbcTemplate(dataSource));
    Membership m = new Membership("ben", "copd-" + System.nanoTime());

    assertThat(one.add(m)).isTrue();
    assertThat(two.all()).contains(m);
    assertThat(two.remove(m)).isTrue();
    assertThat(one.remove(m)).isFalse();
    assertThat(one.all()).doesNotContain(m);
  }
}
