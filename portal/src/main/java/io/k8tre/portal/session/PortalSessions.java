package io.k8tre.portal.session;

import java.util.List;
import java.util.Optional;

/**
 * Registry of portal logins shared by every replica: who is logged in, and which logins have ended.
 * The gateway asks {@link #isEnded} on every request, so implementations answer it from memory and
 * keep that memory in step with the other replicas within about a second.
 */
public interface PortalSessions {

  /** Records a new login and returns its stable id; {@code idpSid} is Keycloak's session id. */
  String start(String httpSessionId, String username, String userAgent, String idpSid);

  /** Active logins that belong to one Keycloak session (for back-channel logout). */
  List<PortalSession> activeOfIdpSession(String idpSid);

  Optional<PortalSession> find(String sid);

  /** Active sessions of one person, newest first. */
  List<PortalSession> activeOf(String username);

  /** Ends a login everywhere; a second call keeps the first reason. */
  void end(String sid, String reason);

  /** True once the login has ended on any replica (answered from memory). */
  boolean isEnded(String sid);

  /** How many logins are active (for the metrics; may read the database). */
  long countActive();

  /** Notes activity; implementations may coarsen writes. */
  void touch(String sid);

  /**
   * False while the last look at the shared store failed (its poll runs every half second), so
   * pages that need it can say so at once instead of waiting for a connection to time out.
   */
  default boolean storeReachable() {
    return true;
  }
}
