package io.k8tre.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class BufferedAuditLogTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<AuditEvent> stored = new CopyOnWriteArrayList<>();
  private final AtomicBoolean databaseDown = new AtomicBoolean();

  private final AuditStore store =
      new MemoryAuditStore() {
        @Override
        public synchronized void write(List<AuditEvent> batch) {
          if (databaseDown.get()) {
            throw new IllegalStateException("connection refused");
          }
          stored.addAll(batch);
        }
      };

  private static AuditEvent event(int i) {
    return new AuditEvent(
        Instant.EPOCH.plusSeconds(i),
        "gateway.deny",
        "u" + i,
        "p",
        "a",
        "deny",
        "r",
        null,
        null,
        1);
  }

  @Test
  void recordWhenDatabaseDownThenEventsWaitAndAreWrittenInOrderWhenItReturns() {
    BufferedAuditLog audit = new BufferedAuditLog(store, 100, meters);
    audit.start();
    databaseDown.set(true);

    for (int i = 0; i < 50; i++) {
      audit.record(event(i));
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> meters.counter("portal.audit.write.failures").count() > 0);
    assertThat(stored).isEmpty();
    assertThat(audit.depth()).isEqualTo(50);

    databaseDown.set(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 50);
    audit.stop();

    assertThat(stored).extracting(AuditEvent::user).startsWith("u0", "u1", "u2").endsWith("u49");
    assertThat(meters.counter("portal.audit.dropped").count()).isZero();
    assertThat(meters.counter("portal.audit.written").count()).isEqualTo(50);
  }

  @Test
  void recordWhenDriverThrowsAnErrorThenTheWriterSurvivesAndWritesLater() {
    AtomicBoolean broken = new AtomicBoolean(true);
    AuditStore driverBug =
        new MemoryAuditStore() {
          @Override
          public synchronized void write(List<AuditEvent> batch) {
            if (broken.get()) {
              throw new AssertionError("getAutoCommit() should not throw");
            }
            stored.addAll(batch);
          }
        };
    BufferedAuditLog audit = new BufferedAuditLog(driverBug, 100, meters);
    audit.start();

    audit.record(event(1));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> meters.counter("portal.audit.write.failures").count() > 0);
    broken.set(false);
    audit.record(event(2));
    await().atMost(Duration.ofSeconds(10)).until(() -> stored.size() == 2);
    audit.stop();

    assertThat(stored).extracting(AuditEvent::user).containsExactly("u1", "u2");
  }

  @Test
  void flushWhenDatabaseRefusesOneEventThenOnlyThatOneIsSetAside() {
    AuditStore picky =
        new MemoryAuditStore() {
          @Override
          public synchronized void write(List<AuditEvent> batch) {
            if (batch.stream().anyMatch(e -> e.user().equals("u3"))) {
              throw new DataIntegrityViolationException("value too long");
            }
            stored.addAll(batch);
          }
        };
    BufferedAuditLog audit = new BufferedAuditLog(picky, 100, meters);
    for (int i = 0; i < 6; i++) {
      audit.record(event(i));
    }

    assertThat(audit.flush()).isTrue();

    assertThat(stored).extracting(AuditEvent::user).containsExactly("u0", "u1", "u2", "u4", "u5");
    assertThat(meters.counter("portal.audit.rejected").count()).isEqualTo(1);
    assertThat(audit.depth()).isZero();
  }

  @Test
  void eventWhenFieldsTooLongOrControlCharactersThenBoundedToTheColumns() {
    AuditEvent e =
        new AuditEvent(
            Instant.EPOCH,
            "session.revoked",
            "a".repeat(300),
            "p\u0000roject",
            null,
            "ok",
            "r".repeat(100),
            "id\nforged",
            null,
            1);

    assertThat(e.user()).hasSize(253);
    assertThat(e.project()).isEqualTo("p?roject");
    assertThat(e.reason()).hasSize(64);
    assertThat(e.requestId()).isEqualTo("id?forged");
  }

  @Test
  void recordWhenBufferFullThenRefusalsAreCountedNotSilent() {
    BufferedAuditLog audit = new BufferedAuditLog(store, 10, meters);
    databaseDown.set(true);

    for (int i = 0; i < 15; i++) {
      audit.record(event(i));
    }

    assertThat(audit.depth()).isEqualTo(10);
    assertThat(meters.counter("portal.audit.dropped").count()).isEqualTo(5);
    assertThat(meters.get("portal.audit.buffer.depth").gauge().value()).isEqualTo(10);
  }

  @Test
  void flushWhenStoreWorksThenEverythingBufferedIsWritten() {
    BufferedAuditLog audit = new BufferedAuditLog(store, 2_000, meters);

    for (int i = 0; i < 1_200; i++) {
      audit.record(event(i));
    }

    assertThat(audit.flush()).isTrue();
    assertThat(stored).hasSize(1_200);
    assertThat(audit.depth()).isZero();
  }
}
