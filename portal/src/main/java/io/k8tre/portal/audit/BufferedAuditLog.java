package io.k8tre.portal.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Takes audit events without waiting and writes them in batches from one background thread. The
 * buffer is bounded: while the database is away, events wait (and are written when it returns);
 * only when the buffer is full are new events refused, and every refusal is counted in the metrics
 * and reported in the log — never dropped silently.
 */
public final class BufferedAuditLog implements AuditLog, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BufferedAuditLog.class);
  private static final int BATCH = 500;
  private static final Duration WARN_EVERY = Duration.ofSeconds(10);

  private final AuditStore store;
  private final BlockingQueue<AuditEvent> buffer;
  private final Counter dropped;
  private final Counter written;
  private final Counter failures;
  private final Counter rejected;
  private final List<AuditEvent> pending = new ArrayList<>();
  private volatile boolean running;
  private volatile Instant lastDropWarning = Instant.MIN;
  private Thread writer;
  private final boolean enabled;

  public BufferedAuditLog(AuditStore store, int capacity, MeterRegistry meters) {
    this(store, capacity, meters, true);
  }

  /**
   * @param enabled false keeps nothing: for measuring the cost of auditing, never in production
   */
  public BufferedAuditLog(AuditStore store, int capacity, MeterRegistry meters, boolean enabled) {
    this.enabled = enabled;
    this.store = store;
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.dropped =
        Counter.builder("portal.audit.dropped")
            .description("Audit events refused because the buffer was full")
            .register(meters);
    this.written =
        Counter.builder("portal.audit.written")
            .description("Audit events written")
            .register(meters);
    this.rejected =
        Counter.builder("portal.audit.rejected")
            .description("Audit events the database refused for their content, set aside")
            .register(meters);
    this.failures =
        Counter.builder("portal.audit.write.failures")
            .description("Failed attempts to write audit events")
            .register(meters);
    Gauge.builder("portal.audit.buffer.depth", this, BufferedAuditLog::depth)
        .description("Audit events waiting to be written")
        .register(meters);
  }

  @Override
  public void record(AuditEvent event) {
    if (!enabled || buffer.offer(event)) {
      return;
    }
    dropped.increment();
    Instant now = Instant.now();
    if (now.isAfter(lastDropWarning.plus(WARN_EVERY))) {
      lastDropWarning = now;
      log.warn(
          "Audit buffer full: events are being refused (portal.audit.dropped counts them);"
              + " check the database and portal.audit.buffer-size");
    }
  }

  /** Events waiting, in the buffer and in a batch being retried. */
  public synchronized int depth() {
    return buffer.size() + pending.size();
  }

  /**
   * Writes everything buffered now; false when the store could not be reached (events are kept). A
   * batch the database refuses for its content is written event by event, and an event it still
   * refuses is set aside (logged and counted in {@code portal.audit.rejected}), so one bad row
   * never holds up the others.
   */
  public synchronized boolean flush() {
    buffer.drainTo(pending);
    while (!pending.isEmpty()) {
      List<AuditEvent> batch = new ArrayList<>(pending.subList(0, Math.min(BATCH, pending.size())));
      try {
        store.write(batch);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (DataIntegrityViolationException e) {
        if (!oneByOne(batch.size())) {
          return false;
        }
        continue;
      } catch (RuntimeException | Error e) {
        // Any other failure keeps the batch for the next attempt. Errors too: PostgreSQL's
        // driver throws an AssertionError when run with -ea and the connection breaks in the
        // middle of a batch (pgjdbc issue 1458), and a writer thread that died would keep nothing.
        failed(e);
        return false;
      }
      written.increment(batch.size());
      pending.subList(0, batch.size()).clear();
      buffer.drainTo(pending, BATCH);
    }
    return true;
  }

  /** Writes the first {@code count} pending events singly; false when the store went away. */
  private boolean oneByOne(int count) {
    for (int i = 0; i < count; i++) {
      AuditEvent event = pending.getFirst();
      try {
        store.write(List.of(event));
        written.increment();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (DataIntegrityViolationException e) {
        rejected.increment();
        log.error(
            "Audit event refused by the database and set aside: kind={} user={} project={}"
                + " error={}",
            event.kind(),
            event.user(),
            event.project(),
            e.getMostSpecificCause().getClass().getSimpleName());
      } catch (RuntimeException | Error e) {
        failed(e);
        return false;
      }
      pending.removeFirst();
    }
    return true;
  }

  private void failed(Throwable e) {
    failures.increment();
    log.warn(
        "Audit events not written yet: waiting={} error={}",
        pending.size(),
        e.getClass().getSimpleName());
  }

  private void loop() {
    long backoff = 200;
    while (running || !buffer.isEmpty()) {
      try {
        AuditEvent first = buffer.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          synchronized (this) {
            pending.add(first);
          }
        }
        if (flush()) {
          backoff = 200;
        } else {
          Thread.sleep(backoff);
          backoff = Math.min(backoff * 2, 5_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
    }
    if (!flush()) {
      log.error("Audit events lost at shutdown: count={}; the database was unreachable", depth());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
