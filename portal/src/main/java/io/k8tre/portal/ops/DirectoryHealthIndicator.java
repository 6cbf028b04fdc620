package io.k8tre.portal.ops;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.gateway.GatewayProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the gateway's data: the first snapshot has been loaded and the watch has not been
 * broken for longer than the gateway tolerates. When this is down the gateway fails closed, so the
 * replica should leave the Service too.
 */
@Component
class DirectoryHealthIndicator implements HealthIndicator {

  private final Directory directory;
  private final GatewayProperties gateway;

  DirectoryHealthIndicator(Directory directory, GatewayProperties gateway) {
    this.directory = directory;
    this.gateway = gateway;
  }

  @Override
  public Health health() {
    DirectorySnapshot snapshot = directory.snapshot();
    Health.Builder builder =
        !directory.isLoaded()
            ? Health.down().withDetail("reason", "not-loaded")
            : directory.staleFor().compareTo(gateway.maxDirectoryStaleness()) > 0
                ? Health.down().withDetail("reason", "watch-broken")
                : Health.up();
    return builder
        .withDetail("users", snapshot.users().size())
        .withDetail("groups", snapshot.groups().size())
        .withDetail("projects", snapshot.projects().size())
        .withDetail("staleSeconds", directory.staleFor().toSeconds())
        .build();
  }
}
