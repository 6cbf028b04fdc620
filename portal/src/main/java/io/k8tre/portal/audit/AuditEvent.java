package io.k8tre.portal.audit;

import java.time.Instant;

/**
 * One security-relevant event: who did what to which project's app, when, how it came out and why.
 * Never holds a token, cookie or password.
 *
 * @param at when it happened
 * @param kind what happened, e.g. {@code login}, {@code gateway.deny}, {@code access}
 * @param user the person, or {@code -} when unknown
 * @param project the project, or null
 * @param app the app, or null
 * @param outcome {@code allow}, {@code deny}, {@code ok} or {@code error}
 * @param reason a stable reason code
 * @param requestId the request it came from, or null
 * @param clientAddress the browser's address (from a trusted proxy's header), or null
 * @param count how many requests it stands for (folded allows), else 1
 * @param key names an event every replica observes (a change seen in the cluster), so the store
 *     keeps it once; null for events only one replica sees
 */
public record AuditEvent(
    Instant at,
    String kind,
    String user,
    String project,
    String app,
    String outcome,
    String reason,
    String requestId,
    String clientAddress,
    long count,
    String key) {

  public AuditEvent {
    user = user == null || user.isBlank() ? "-" : user;
  }

  /** An event that only the replica handling its request sees. */
  public AuditEvent(
      Instant at,
      String kind,
      String user,
      String project,
      String app,
      String outcome,
      String reason,
      String requestId,
      String clientAddress,
      long count) {
    this(at, kind, user, project, app, outcome, reason, requestId, clientAddress, count, null);
  }
}
