package io.k8tre.portal.audit;

/**
 * Where features report security events. Recording never blocks and never fails the caller: the
 * gateway answers nginx first, and the record is written afterwards.
 */
public interface AuditLog {

  void record(AuditEvent event);
}
