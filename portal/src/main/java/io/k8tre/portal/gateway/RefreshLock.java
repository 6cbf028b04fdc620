package io.k8tre.portal.gateway;

import java.util.function.Supplier;

/**
 * Makes one replica at a time confirm a login with Keycloak. A replica that waited for the lock and
 * finds a confirmation younger than the reuse window takes it instead of asking again.
 */
public interface RefreshLock {

  SessionRefresher.Outcome runExclusive(String sid, Supplier<SessionRefresher.Outcome> refresh);
}
