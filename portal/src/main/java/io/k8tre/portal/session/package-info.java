/**
 * Server-side sessions and the registry of portal logins.
 *
 * <p>The HTTP session (Spring Session: PostgreSQL, or memory for one replica) holds Keycloak's
 * tokens; the cookie holds only its id. Each login also gets a stable id ({@code sid}) that project
 * tokens carry — never the cookie's value, because tokens reach app hosts.
 */
package io.k8tre.portal.session;
