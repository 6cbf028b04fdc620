package io.k8tre.portal.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code portal.audit.*}.
 *
 * @param retention how long audit events are kept
 * @param bufferSize events held in memory while waiting to be written (also during a database
 *     outage)
 * @param foldInterval the interval over which the gateway's allows are counted into one record
 * @param projectAdminGroup the group whose members administer a project, {@code {project}} replaced
 *     by the project's name
 * @param platformAdminGroup Keycloak group (as in the {@code groups} claim) of platform admins
 * @param platformAdminRole Keycloak realm role of platform admins
 * @param enabled {@code false} records nothing; it exists to measure what auditing costs the
 *     gateway, and production mode refuses it
 */
@ConfigurationProperties(prefix = "portal.audit")
public record AuditProperties(
    @DefaultValue("400d") Duration retention,
    @DefaultValue("10000") int bufferSize,
    @DefaultValue("5m") Duration foldInterval,
    @DefaultValue("{project}-admin") String projectAdminGroup,
    @DefaultValue("/platform-admins") String platformAdminGroup,
    @DefaultValue("k8tre-platform-admin") String platformAdminRole,
    @DefaultValue("true") boolean enabled) {}
