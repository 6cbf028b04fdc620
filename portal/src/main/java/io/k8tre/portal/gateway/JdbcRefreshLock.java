package io.k8tre.portal.gateway;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock across replicas: a PostgreSQL transaction-scoped advisory lock on the login's id, and
 * the time of the last confirmation in {@code session_refresh}. The lock is released with the
 * transaction, also when a replica dies mid-refresh.
 */
class JdbcRefreshLock implements RefreshLock {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Duration reuse;
  private final Clock clock;

  JdbcRefreshLock(
      JdbcTemplate jdbc, TransactionTemplate transactions, Duration reuse, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.reuse = reuse;
    this.clock = clock;
  }

  @Override
  public SessionRefresher.Outcome runExclusive(
      String sid, Supplier<SessionRefresher.Outcome> refresh) {
    return transactions.execute(
        status -> {
          jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))", sid);
          List<Timestamp> last =
              jdbc.queryForList(
                  "SELECT refreshed_at FROM session_refresh WHERE sid = ?", Timestamp.class, sid);
          if (!last.isEmpty() && last.get(0).toInstant().isAfter(clock.instant().minus(reuse))) {
            return SessionRefresher.Outcome.RENEWED;
          }
          SessionRefresher.Outcome outcome = refresh.get();
          if (outcome == SessionRefresher.Outcome.RENEWED) {
            jdbc.update(
                "INSERT INTO session_refresh (sid, refreshed_at) VALUES (?, ?)"
                    + " ON CONFLICT (sid) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at",
                sid,
                Timestamp.from(clock.instant()));
          }
          return outcome;
        });
  }
}
