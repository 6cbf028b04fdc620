package io.k8tre.portal.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Portal sessions in PostgreSQL, shared by all replicas. Ended sessions are mirrored into memory by
 * a poll every half second, so {@link #isEnded} never waits on the database and a logout on one
 * replica reaches the others well within two seconds.
 */
public final class JdbcPortalSessions implements PortalSessions {

  private static final Logger log = LoggerFactory.getLogger(JdbcPortalSessions.class);

  /** Ended sessions older than this cannot have a live project token any more. */
  private static final Duration ENDED_MEMORY = Duration.ofDays(1);

  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile boolean reachable = true;
  private final Set<String> ended = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> lastTouch = new ConcurrentHashMap<>();
  private volatile Instant polledUntil;

  public JdbcPortalSessions(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.polledUntil = clock.instant().minus(ENDED_MEMORY);
    pollEnded();
  }

  @Override
  public String start(String httpSessionId, String username, String userAgent, String idpSid) {
    String sid = SessionIds.next();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        "INSERT INTO portal_session (sid, http_session_id, username, started_at, last_seen_at,"
            + " user_agent, idp_sid) VALUES (?, ?, ?, ?, ?, ?, ?)",
        sid,
        httpSessionId,
        username,
        now,
        now,
        SessionIds.shortAgent(userAgent),
        idpSid);
    return sid;
  }

  @Override
  public Optional<PortalSession> find(String sid) {
    return jdbc
        .query("SELECT * FROM portal_session WHERE sid = ?", JdbcPortalSessions::row, sid)
        .stream()
        .findFirst();
  }

  @Override
  public List<PortalSession> activeOf(String username) {
    return jdbc.query(
        "SELECT * FROM portal_session WHERE username = ? AND ended_at IS NULL"
            + " ORDER BY started_at DESC",
        JdbcPortalSessions::row,
        username);
  }

  @Override
  public List<PortalSession> activeOfIdpSession(String idpSid) {
    return jdbc.query(
        "SELECT * FROM portal_session WHERE idp_sid = ? AND ended_at IS NULL",
        JdbcPortalSessions::row,
        idpSid);
  }

  @Override
  public void end(String sid, String reason) {
    ended.add(sid);
    try {
      jdbc.update(
          "UPDATE portal_session SET ended_at = ?, end_reason = ? WHERE sid = ? AND ended_at IS NULL",
          Timestamp.from(clock.instant()),
          reason,
          sid);
    } catch (RuntimeException e) {
      // Ended here at once; other replicas learn it when the database is back.
      log.error(
          "Session end not shared with other replicas: reason={} error={}; the database is"
              + " unreachable",
          reason,
          e.getClass().getSimpleName());
    }
  }

  @Override
  public long countActive() {
    Long count =
        jdbc.queryForObject(
            "SELECT count(*) FROM portal_session WHERE ended_at IS NULL", Long.class);
    return count == null ? 0 : count;
  }

  @Override
  public boolean isEnded(String sid) {
    return ended.contains(sid);
  }

  @Override
  public void touch(String sid) {
    Instant now = clock.instant();
    Instant previous = lastTouch.get(sid);
    if (previous != null && Duration.between(previous, now).compareTo(TOUCH_EVERY) < 0) {
      return;
    }
    lastTouch.put(sid, now);
    try {
      jdbc.update(
          "UPDATE portal_session SET last_seen_at = ? WHERE sid = ?", Timestamp.from(now), sid);
    } catch (RuntimeException e) {
      // The gateway answers from memory while the database is away; activity is cosmetic.
      log.debug("Last-seen not written: error={}", e.getClass().getSimpleName());
    }
  }

  /** Mirrors sessions ended on any replica; overlaps the previous window to miss nothing. */
  @Scheduled(fixedDelayString = "PT0.5S")
  void pollEnded() {
    Instant until = clock.instant();
    try {
      jdbc.query(
          "SELECT sid FROM portal_session WHERE ended_at >= ?",
          (ResultSet rs) -> {
            ended.add(rs.getString(1));
          },
          Timestamp.from(polledUntil.minusSeconds(5)));
      polledUntil = until;
      if (!reachable) {
        log.info("Database reachable again");
      }
      reachable = true;
    } catch (RuntimeException e) {
      reachable = false;
      log.warn(
          "Cannot read ended sessions from the database: error={}", e.getClass().getSimpleName());
    }
  }

  @Override
  public boolean storeReachable() {
    return reachable;
  }

  private static PortalSession row(ResultSet rs, int index) throws SQLException {
    Timestamp endedAt = rs.getTimestamp("ended_at");
    return new PortalSession(
        rs.getString("sid"),
        rs.getString("http_session_id"),
        rs.getString("username"),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("last_seen_at").toInstant(),
        rs.getString("user_agent"),
        endedAt == null ? null : endedAt.toInstant(),
        rs.getString("end_reason"),
        rs.getString("idp_sid"));
  }
}
