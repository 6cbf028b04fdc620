package io.k8tre.portal.audit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Folds the gateway's allows into few records: one {@code access.start} when a person's use of a
 * project's app begins, then one {@code access} per interval with the number of requests. A key not
 * seen for a whole interval starts afresh. Costs the gateway a map lookup and an increment.
 */
public class AccessFolding {

  private record Key(String user, String project, String app) {}

  private final AuditLog audit;
  private final Clock clock;
  private volatile Map<Key, LongAdder> current = new ConcurrentHashMap<>();
  private volatile Map<Key, LongAdder> previous = Map.of();

  public AccessFolding(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Counts one allowed request. The client address is asked for only when a record is written, so
   * the gateway does not parse forwarding headers on every request.
   */
  public void allowed(
      String user, String project, String app, String requestId, Supplier<String> client) {
    Key key = new Key(user, project, app);
    Map<Key, LongAdder> now = current;
    LongAdder count = now.get(key);
    if (count == null) {
      LongAdder fresh = new LongAdder();
      count = now.putIfAbsent(key, fresh);
      if (count == null) {
        count = fresh;
        if (!previous.containsKey(key)) {
          audit.record(
              new AuditEvent(
                  clock.instant(),
                  "access.start",
                  user,
                  project,
                  app,
                  "allow",
                  "access.member",
                  requestId,
                  client.get(),
                  1));
        }
      }
    }
    count.increment();
  }

  /** Ends an interval: one {@code access} record per key with its count. */
  public void closeInterval() {
    Map<Key, LongAdder> ended = current;
    current = new ConcurrentHashMap<>();
    previous = ended;
    ended.forEach(
        (key, count) ->
            audit.record(
                new AuditEvent(
                    clock.instant(),
                    "access",
                    key.user(),
                    key.project(),
                    key.app(),
                    "allow",
                    "access.member",
                    null,
                    null,
                    count.sum())));
  }
}
