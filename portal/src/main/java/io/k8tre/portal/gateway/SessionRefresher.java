package io.k8tre.portal.gateway;

/**
 * Confirms with Keycloak that the person behind a portal login is still active (refresh-token
 * grant), so the gateway may renew a project token.
 */
public interface SessionRefresher {

  /** What the confirmation found. */
  enum Outcome {
    /** Keycloak refreshed the login's tokens: renew the project token. */
    RENEWED,
    /** The login is over (invalid_grant, session gone): end it everywhere. */
    ENDED,
    /** Keycloak did not answer: keep the current token while it lasts. */
    UNAVAILABLE
  }

  Outcome refresh(String sid);
}
