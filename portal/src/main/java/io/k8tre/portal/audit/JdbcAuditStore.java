package io.k8tre.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit events in PostgreSQL ({@code audit_event}), shared by all replicas. An event with a key is
 * written once however many replicas report it: the unique index turns the others into no-ops.
 */
class JdbcAuditStore implements AuditStore {

  private final JdbcTemplate jdbc;

  JdbcAuditStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void write(List<AuditEvent> events) {
    jdbc.batchUpdate(
        "INSERT INTO audit_event (at, kind, username, project, app, outcome, reason, request_id,"
            + " client_address, request_count, event_key, actor)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (event_key) DO NOTHING",
        events,
        500,
        (statement, e) -> {
          statement.setTimestamp(1, Timestamp.from(e.at()));
          statement.setString(2, e.kind());
          statement.setString(3, e.user());
          statement.setString(4, e.project());
          statement.setString(5, e.app());
          statement.setString(6, e.outcome());
          statement.setString(7, e.reason());
          statement.setString(8, e.requestId());
          statement.setString(9, e.clientAddress());
          statement.setLong(10, e.count());
          statement.setString(11, e.key());
          statement.setString(12, e.actor());
        });
  }

  @Override
  public List<AuditEvent> find(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE TRUE");
    List<Object> args = new ArrayList<>();
    condition(sql, args, "project = ?", q.project());
    condition(sql, args, "username = ?", q.user());
    condition(sql, args, "app = ?", q.app());
    condition(sql, args, "outcome = ?", q.outcome());
    condition(sql, args, "at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
    condition(sql, args, "at < ?", q.to() == null ? null : Timestamp.from(q.to()));
    sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
    args.add(q.limit());
    return jdbc.query(sql.toString(), JdbcAuditStore::row, args.toArray());
  }

  @Override
  public int deleteBefore(Instant before) {
    return jdbc.update("DELETE FROM audit_event WHERE at < ?", Timestamp.from(before));
  }

  private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      args.add(value);
    }
  }

  private static AuditEvent row(ResultSet rs, int index) throws SQLException {
    return new AuditEvent(
        rs.getTimestamp("at").toInstant(),
        rs.getString("kind"),
        rs.getString("username"),
        rs.getString("project"),
        rs.getString("app"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getString("request_id"),
        rs.getString("client_address"),
        rs.getLong("request_count"),
        rs.getString("event_key"),
        rs.getString("actor"));
  }
}
