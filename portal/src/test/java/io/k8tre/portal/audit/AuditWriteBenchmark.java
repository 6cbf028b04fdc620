package io.k8tre.portal.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Audit writes to PostgreSQL, as the portal makes them: {@link JdbcAuditStore} writes a batch of
 * {@value #BATCH} events, and {@link BufferedAuditLog#record} is what a request pays to hand one
 * over. The yardstick measured in the same run is the same {@value #BATCH} rows inserted one
 * statement each, the way a writer without batching would. The database comes from {@code
 * -Dk8tre.bench.jdbc} (bench/audit.sh makes an empty one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuditWriteBenchmark {

  static final int BATCH = 500;

  private SingleConnectionDataSource dataSource;
  private JdbcTemplate jdbc;
  private JdbcAuditStore store;
  private BufferedAuditLog buffered;
  private final List<AuditEvent> batch = new ArrayList<>();
  private long sequence;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private long started;

  @Setup
  public void connect() {
    String url =
        System.getProperty(
            "k8tre.bench.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/k8tre_portal_bench?user=postgres");
    dataSource = new SingleConnectionDataSource(url, true);
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    store = new JdbcAuditStore(jdbc);
    buffered = new BufferedAuditLog(new JdbcAuditStore(jdbc), 10_000, meters);
    buffered.start();
    started = System.nanoTime();
    for (int i = 0; i < BATCH; i++) {
      batch.add(event(i));
    }
  }

  @TearDown(Level.Iteration)
  public void trim() {
    jdbc.update("TRUNCATE audit_event");
  }

  /**
   * After {@link #recordOne}: how many events the writer thread got into the database while
   * requests kept handing them over, and how many the full buffer refused.
   */
  @TearDown
  public void close() {
    buffered.stop();
    double seconds = (System.nanoTime() - started) / 1e9;
    double written = meters.counter("portal.audit.written").count();
    double dropped = meters.counter("portal.audit.dropped").count();
    if (written + dropped > 0) {
      System.out.printf(
          "%naudit pipeline: written=%.0f dropped=%.0f in %.1f s = %.0f events/s written%n",
          written, dropped, seconds, written / seconds);
    }
    dataSource.destroy();
  }

  /** One batch of {@value #BATCH} events, the writer thread's unit of work. */
  @Benchmark
  public void storeBatch() {
    store.write(batch);
  }

  /** The yardstick: the same rows, one INSERT each. */
  @Benchmark
  public void referenceRowByRow() {
    for (AuditEvent e : batch) {
      jdbc.update(
          "INSERT INTO audit_event (at, kind, username, project, app, outcome, reason,"
              + " request_id, client_address, request_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Timestamp.from(e.at()),
          e.kind(),
          e.user(),
          e.project(),
          e.app(),
          e.outcome(),
          e.reason(),
          e.requestId(),
          e.clientAddress(),
          e.count());
    }
  }

  /**
   * What a request pays: handing one event to the buffer while the writer drains it to the
   * database. When the writer falls behind, the buffer fills and records are refused and counted,
   * which this measures too.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void recordOne() {
    buffered.record(event(sequence++));
  }

  private static AuditEvent event(long i) {
    return new AuditEvent(
        Instant.now(),
        "gateway.deny",
        "user" + (i % 1000),
        "project" + (i % 50),
        "jupyterhub",
        "deny",
        "project.not-member",
        Long.toHexString(i),
        "10.0.0." + (i % 250),
        1);
  }
}
