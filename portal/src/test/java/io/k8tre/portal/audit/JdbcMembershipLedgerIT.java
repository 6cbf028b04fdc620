package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.audit.MembershipLedger.Membership;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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

  private static final String DATABASE =
      System.getProperty("k8tre.it.database", "k8tre_portal_it") + "_ledger";
  private static DriverManagerDataSource dataSource;

  @BeforeAll
  static void database() throws Exception {
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    dataSource =
        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
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
