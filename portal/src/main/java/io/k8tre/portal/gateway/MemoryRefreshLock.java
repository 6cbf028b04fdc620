package io.k8tre.portal.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The lock for a single replica: per-login, in this process. */
class MemoryRefreshLock implements RefreshLock {

  private final Map<String, Instant> confirmed = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Duration reuse;
  private final Clock clock;

  MemoryRefreshLock(Duration reuse, Clock clock) {
    this.reuse = reuse;
    this.clock = clock;
  }

  @Override
  public SessionRefresher.Outcome runExclusive(
      String sid, Supplier<SessionRefresher.Outcome> refresh) {
    Object lock = locks.computeIfAbsent(sid, key -> new Object());
    synchronized (lock) {
      Instant last = confirmed.get(sid);
      if (last != null && last.isAfter(clock.instant().minus(reuse))) {
        return SessionRefresher.Outcome.RENEWED;
      }
      SessionRefresher.Outcome outcome = refresh.get();
      if (outcome == SessionRefresher.Outcome.RENEWED) {
        confirmed.put(sid, clock.instant());
      } else if (outcome == SessionRefresher.Outcome.ENDED) {
        locks.remove(sid);
        confirmed.remove(sid);
      }
      return outcome;
    }
  }
}
