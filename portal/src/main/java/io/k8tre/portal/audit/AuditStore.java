package io.k8tre.portal.audit;

import java.time.Instant;
import java.util.List;

/** Durable storage of audit events. Implementations may throw while their database is down. */
public interface AuditStore {

  void write(List<AuditEvent> events);

  List<AuditEvent> find(AuditQuery query);

  /** Deletes events older than {@code before}; returns how many. */
  int deleteBefore(Instant before);
}
