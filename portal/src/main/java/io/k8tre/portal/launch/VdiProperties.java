package io.k8tre.portal.launch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code portal.vdi.*}: project desktops.
 *
 * @param enabled create desktops in the cluster; off, a {@code vdi} Launch explains that desktops
 *     need a cluster (the demo runs without one)
 * @param k8treOperatorCompatibility use desktops made by K8TRE's original operator: ready at status
 *     {@code Running} with the RDP password in {@code status.password}; off by default because that
 *     puts the password where anyone who may read the resource sees it
 */
@ConfigurationProperties(prefix = "portal.vdi")
public record VdiProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("false") boolean k8treOperatorCompatibility) {}
