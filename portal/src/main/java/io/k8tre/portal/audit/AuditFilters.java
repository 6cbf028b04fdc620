package io.k8tre.portal.audit;

/** The filter rules of {@link AuditQuery}, for stores that filter in memory. */
final class AuditFilters {

  private AuditFilters() {}

  static boolean matches(AuditQuery q, AuditEvent e) {
    return (q.project() == null || q.project().equals(e.project()))
        && (q.user() == null || q.user().equals(e.user()))
        && (q.app() == null || q.app().equals(e.app()))
        && (q.outcome() == null || q.outcome().equals(e.outcome()))
        && (q.from() == null || !e.at().isBefore(q.from()))
        && (q.to() == null || e.at().isBefore(q.to()));
  }
}
