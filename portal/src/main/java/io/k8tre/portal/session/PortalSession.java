package io.k8tre.portal.session;

import java.time.Instant;

/**
 * One portal login, named by a stable random id ({@code sid}) that project tokens carry. It is not
 * the session cookie's value: tokens reach app hosts, and the cookie must stay with the portal
 * alone.
 *
 * @param sid the stable id
 * @param httpSessionId the server-side session that holds Keycloak's tokens
 * @param username who logged in
 * @param startedAt when
 * @param lastSeenAt last request through the portal or the gateway (coarse)
 * @param userAgent browser, shortened
 * @param endedAt when it ended, or null while active
 * @param endReason why it ended ({@code logout}, {@code revoked}, {@code refresh.invalid-grant})
 * @param idpSid Keycloak's session id ({@code sid} of the ID token), or null
 */
public record PortalSession(
    String sid,
    String httpSessionId,
    String username,
    Instant startedAt,
    Instant lastSeenAt,
    String userAgent,
    Instant endedAt,
    String endReason,
    String idpSid) {

  public boolean isActive() {
    return endedAt == null;
  }
}
