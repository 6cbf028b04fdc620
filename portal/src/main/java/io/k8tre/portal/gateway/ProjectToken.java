package io.k8tre.portal.gateway;

import java.time.Instant;

/**
 * The verified claims of a project token: who, for which project, within which portal login, until
 * when. Carries no secret; the serialized token itself is kept apart.
 *
 * @param subject Keycloak's {@code sub}
 * @param username {@code preferred_username}, the {@code User} resource's name
 * @param email the person's e-mail, possibly empty
 * @param project the one project this token is for
 * @param sessionId the portal login ({@code sid}) the token belongs to
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record ProjectToken(
    String subject,
    String username,
    String email,
    String project,
    String sessionId,
    Instant issuedAt,
    Instant expiresAt) {}
