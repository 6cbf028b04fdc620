package io.k8tre.portal.support;

import io.k8tre.portal.gateway.GatewayProperties;
import java.time.Duration;
import java.util.List;

/** Gateway settings for unit tests: the shipped defaults, apart from the trusted proxies. */
public final class GatewaySettings {

  private GatewaySettings() {}

  /** The defaults of application.yaml, trusting only the given proxy ranges (CIDR). */
  public static GatewayProperties trusting(String... proxies) {
    return new GatewayProperties(
        null,
        null,
        null,
        Duration.ofMinutes(10),
        Duration.ofMinutes(3),
        Duration.ofSeconds(30),
        List.of(proxies),
        Duration.ofSeconds(60));
  }
}
