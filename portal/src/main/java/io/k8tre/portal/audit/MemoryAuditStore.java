package io.k8tre.portal.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/** The newest events of this process only, for the demo; a restart forgets them. */
class MemoryAuditStore implements AuditStore {

  private static final int KEEP = 50_000;

  private final Deque<AuditEvent> events = new ArrayDeque<>();

  @Override
  public synchronized void write(List<AuditEvent> batch) {
    for (AuditEvent event : batch) {
      if (event.key() != null && events.stream().anyMatch(e -> event.key().equals(e.key()))) {
        continue;
      }
      events.addLast(event);
      if (events.size() > KEEP) {
        events.removeFirst();
      }
    }
  }

  @Override
  public synchronized List<AuditEvent> find(AuditQuery query) {
    return events.stream()
        .filter(e -> AuditFilters.matches(query, e))
        .sorted(Comparator.comparing(AuditEvent::at).reversed())
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized int deleteBefore(Instant before) {
    int size = events.size();
    events.removeIf(e -> e.at().isBefore(before));
    return size - events.size();
  }
}
