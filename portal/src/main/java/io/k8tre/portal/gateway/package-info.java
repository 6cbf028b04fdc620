/**
 * The authentication gateway: nginx's {@code auth_request} target and the project tokens it checks.
 *
 * <p>Decisions made here, and why:
 *
 * <ul>
 *   <li>Only 200, 401 and 403 leave {@code /auth/validate}: nginx turns any other status into a 500
 *       for the person. Bad input is a 401 (no usable token) or 403 (malformed request).
 *   <li>401 means "log in again" (nginx redirects page loads to the portal); 403 means "known but
 *       not allowed" and is never redirected, so a removed member is not sent round a login loop.
 *   <li>The request path touches memory only: verified tokens are cached by their text, the
 *       directory is an in-memory snapshot, ended logins are mirrored from PostgreSQL every half
 *       second. Keycloak is called only to renew a token in its last minutes.
 *   <li>Project tokens are the portal's own RS256 JWTs, not Keycloak's: they carry one project and
 *       the portal login ({@code sid}), so logout and membership changes bite at once, and
 *       Keycloak's refresh tokens never leave the server-side session.
 *   <li>At most one {@code Set-Cookie} per answer, because nginx copies only the first back.
 *   <li>Forwarding headers are believed only from {@code portal.gateway.trusted-proxies}, checked
 *       against the TCP peer; the path is judged decoded and without dot segments.
 *   <li>Nothing assumes one replica: renewals are serialised per login with a PostgreSQL advisory
 *       lock, and revocation is shared through the {@code portal_session} table.
 * </ul>
 */
package io.k8tre.portal.gateway;
