package io.k8tre.portal.audit;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger in PostgreSQL ({@code audit_membership}); its primary key decides who records. */
class JdbcMembershipLedger implements MembershipLedger {

  private final JdbcTemplate jdbc;

  JdbcMembershipLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(Membership m) {
    return jdbc.update(
            "INSERT INTO audit_membership (username, project, since) VALUES (?, ?, now())"
                + " ON CONFLICT DO NOTHING",
            m.user(),
            m.project())
        == 1;
  }

  @Override
  public boolean remove(Membership m) {
    return jdbc.update(
            "DELETE FROM audit_membership WHERE username = ? AND project = ?",
            m.user(),
            m.project())
        == 1;
  }

  @Override
  public Set<Membership> all() {
    return new HashSet<>(
        jdbc.query(
            "SELECT username, project FROM audit_membership",
            (rs, i) -> new Membership(rs.getString(1), rs.getString(2))));
  }
}
