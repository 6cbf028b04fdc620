package io.k8tre.portal.audit;

import java.time.Instant;

/**
 * Filters of the audit views; null means any.
 *
 * @param project one project, or null for all (platform admins)
 * @param user one person
 * @param app one app
 * @param outcome {@code allow}, {@code deny}, …
 * @param from inclusive lower bound
 * @param to exclusive upper bound
 * @param limit at most this many, newest first
 */
public record AuditQuery(
    String project, String user, String app, String outcome, Instant from, Instant to, int limit) {}
