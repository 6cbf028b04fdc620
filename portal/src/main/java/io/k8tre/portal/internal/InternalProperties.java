package io.k8tre.portal.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code portal.internal.*}: who may call the in-cluster API.
 *
 * @param allowedServiceAccounts service accounts (as TokenReview names them) that may call
 * @param audiences audiences the presented token must be valid for; empty means the API server's
 *     default audience
 * @param cacheFor how long a successful review is reused for the same token
 */
@ConfigurationProperties(prefix = "portal.internal")
public record InternalProperties(
    @DefaultValue("system:serviceaccount:jupyterhub:hub") List<String> allowedServiceAccounts,
    @DefaultValue List<String> audiences,
    @DefaultValue("30s") Duration cacheFor) {}
