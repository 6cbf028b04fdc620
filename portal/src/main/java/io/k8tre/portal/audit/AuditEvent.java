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
 * @param actor who did it, when that is not {@code user} (a platform admin ending someone's
 *     session); null otherwise
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
    String key,
    String actor) {

  /**
   * Every text is cut to its column's width in {@code audit_event}, so no value a person can
   * influence (a 255-character Keycloak user name, say) can make the row unwritable and hold up the
   * events behind it.
   */
  public AuditEvent {
    user = bounded(user == null || user.isBlank() ? "-" : user, 253);
    kind = bounded(kind, 64);
    project = bounded(project, 253);
    app = bounded(app, 253);
    outcome = bounded(outcome, 16);
    reason = bounded(reason, 64);
    requestId = bounded(requestId, 64);
    clientAddress = bounded(clientAddress, 64);
    key = bounded(key, 200);
    actor = bounded(actor, 253);
  }

  /** An event every replica may report, kept once by its key. */
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
      long count,
      String key) {
    this(at, kind, user, project, app, outcome, reason, requestId, clientAddress, count, key, null);
  }

  /**
   * Cut to {@code max} characters, never inside a surrogate pair, with control characters (which
   * PostgreSQL's text cannot hold, in the case of NUL, and which would break a CSV line or a log
   * line), line and paragraph separators and invisible format characters (bidi overrides that make
   * a name read differently on screen than it is stored) replaced by {@code ?}.
   */
  static String bounded(String value, int max) {
    if (value == null) {
      return null;
    }
    String cut = value;
    if (cut.length() > max) {
      cut = cut.substring(0, Character.isHighSurrogate(cut.charAt(max - 1)) ? max - 1 : max);
    }
    for (int i = 0; i < cut.length(); i++) {
      if (unsafe(cut.charAt(i))) {
        StringBuilder clean = new StringBuilder(cut);
        for (int j = i; j < clean.length(); j++) {
          if (unsafe(clean.charAt(j))) {
            clean.setCharAt(j, '?');
          }
        }
        return clean.toString();
      }
    }
    return cut;
  }

  private static boolean unsafe(char c) {
    if (c < 0x80) {
      return c < 0x20 || c == 0x7f;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> false;
    };
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
    this(
        at, kind, user, project, app, outcome, reason, requestId, clientAddress, count, null, null);
  }
}
