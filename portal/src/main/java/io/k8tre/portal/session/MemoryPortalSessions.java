package io.k8tre.portal.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Portal sessions of a single replica, in memory (the demo and tests). */
public class MemoryPortalSessions implements PortalSessions {

  private final Map<String, PortalSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public MemoryPortalSessions(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String start(String httpSessionId, String username, String userAgent, String idpSid) {
    String sid = SessionIds.next();
    Instant now = clock.instant();
    sessions.put(
        sid,
        new PortalSession(
            sid,
            httpSessionId,
            username,
            now,
            now,
            SessionIds.shortAgent(userAgent),
            null,
            null,
            idpSid));
    return sid;
  }

  @Override
  public Optional<PortalSession> find(String sid) {
    return Optional.ofNullable(sessions.get(sid));
  }

  @Override
  public List<PortalSession> activeOf(String username) {
    return sessions.values().stream()
        .filter(s -> s.username().equals(username) && s.isActive())
        .sorted(Comparator.comparing(PortalSession::startedAt).reversed())
        .toList();
  }

  @Override
  public List<PortalSession> activeOfIdpSession(String idpSid) {
    return sessions.values().stream()
        .filter(s -> s.isActive() && idpSid != null && idpSid.equals(s.idpSid()))
        .toList();
  }

  @Override
  public void end(String sid, String reason) {
    sessions.computeIfPresent(
        sid,
        (key, s) ->
            s.isActive()
                ? new PortalSession(
                    s.sid(),
                    s.httpSessionId(),
                    s.username(),
                    s.startedAt(),
                    s.lastSeenAt(),
                    s.userAgent(),
                    clock.instant(),
                    reason,
                    s.idpSid())
                : s);
  }

  @Override
  public long countActive() {
    return sessions.values().stream().filter(PortalSession::isActive).count();
  }

  @Override
  public boolean isEnded(String sid) {
    PortalSession session = sessions.get(sid);
    return session == null || !session.isActive();
  }

  @Override
  public void touch(String sid) {
    PortalSession known = sessions.get(sid);
    Instant now = clock.instant();
    // Called by the gateway on every request: minute precision is plenty for "last seen".
    if (known == null || known.lastSeenAt().isAfter(now.minusSeconds(60))) {
      return;
    }
    sessions.computeIfPresent(
        sid,
        (key, s) ->
            new PortalSession(
                s.sid(),
                s.httpSessionId(),
                s.username(),
                s.startedAt(),
                clock.instant(),
                s.userAgent(),
                s.endedAt(),
                s.endReason(),
                s.idpSid()));
  }
}
