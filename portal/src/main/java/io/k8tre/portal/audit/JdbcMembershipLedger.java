package io.k8tre.portal.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger in PostgreSQL ({@code audit_membership}); its primary key decides who records. The
 * ledger row and the audit row are written in one transaction, through the same data source.
 */
class JdbcMembershipLedger implements MembershipLedger {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final AuditStore trail;

  JdbcMembershipLedger(JdbcTemplate jdbc, TransactionTemplate transaction, AuditStore trail) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.trail = trail;
  }

  @Override
  public boolean add(Membership m, AuditEvent event) {
    return changed(
        "INSERT INTO audit_membership (username, project, since) VALUES (?, ?, now())"
            + " ON CONFLICT DO NOTHING",
        m,
        event);
  }

  @Override
  public boolean remove(Membership m, AuditEvent event) {
    return changed("DELETE FROM audit_membership WHERE username = ? AND project = ?", m, event);
  }

  private boolean changed(String statement, Membership m, AuditEvent event) {
    Boolean changed =
        transaction.execute(
            status -> {
              boolean mine = jdbc.update(statement, m.user(), m.project()) == 1;
              if (mine) {
                trail.write(List.of(event));
              }
              return mine;
            });
    return Boolean.TRUE.equals(changed);
  }

  @Override
  public Set<Membership> all() {
    return new HashSet<>(
        jdbc.query(
            "SELECT username, project FROM audit_membership",
            (rs, i) -> new Membership(rs.getString(1), rs.getString(2))));
  }
}
