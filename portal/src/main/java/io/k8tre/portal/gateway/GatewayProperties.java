package io.k8tre.portal.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code portal.gateway.*}.
 *
 * @param signingKeysFile JWK Set with the RSA private keys that sign project tokens; the first key
 *     signs, every key verifies (rotation: add the new key first, remove the old one a token
 *     lifetime after it stopped signing)
 * @param headerSecretFile the shared secret of {@code X-Auth-Signature} (JupyterHub's {@code
 *     AUTH_SIG_SECRET})
 * @param headerSecret the same secret inline (local runs)
 * @param tokenLifetime how long a project token lives
 * @param refreshWindow the last part of a token's life in which the gateway renews it
 * @param clockSkew leeway for {@code iat}/{@code exp} between replicas
 * @param trustedProxies addresses (CIDR) whose {@code X-Original-*} and {@code X-Forwarded-*}
 *     headers are believed: the nginx auth proxies
 * @param maxDirectoryStaleness how long the gateway answers from a directory whose watch is broken
 *     before it fails closed
 */
@ConfigurationProperties(prefix = "portal.gateway")
public record GatewayProperties(
    Path signingKeysFile,
    Path headerSecretFile,
    String headerSecret,
    @DefaultValue("10m") Duration tokenLifetime,
    @DefaultValue("3m") Duration refreshWindow,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"})
        List<String> trustedProxies,
    @DefaultValue("60s") Duration maxDirectoryStaleness) {

  @Override
  public String toString() {
    return "GatewayProperties[signingKeysFile="
        + signingKeysFile
        + ", headerSecretFile="
        + headerSecretFile
        + ", headerSecret="
        + (headerSecret == null ? "unset" : "***")
        + ", tokenLifetime="
        + tokenLifetime
        + "]";
  }
}
