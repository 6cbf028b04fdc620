package io.k8tre.operator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's settings, read from environment variables (the table in operator/README.md).
 *
 * @param projectNamespace where the Project resources (the project defaults) live
 * @param defaultImage the desktop image when neither the resource nor the project names one
 * @param idleTimeout idle time after which a desktop is stopped, when nothing else says
 * @param healthPort port of {@code /healthz} and {@code /readyz}
 * @param leaseNamespace namespace of the leader-election Lease; empty disables leader election
 */
record OperatorSettings(
    String projectNamespace,
    String defaultImage,
    Duration idleTimeout,
    int healthPort,
    Optional<String> leaseNamespace) {

  static final String LEASE_NAME = "k8tre-vdi-operator";

  /** Reads the settings; every problem is reported at once. */
  static OperatorSettings from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String namespace = env.getOrDefault("K8TRE_PROJECT_NAMESPACE", "keycloak");
    String image =
        env.getOrDefault("K8TRE_VDI_DEFAULT_IMAGE", "ghcr.io/k8tre/vdi-mate:v1.0.0-light");
    Duration idle = Durations.parse(env.getOrDefault("K8TRE_VDI_IDLE_TIMEOUT", "8h")).orElse(null);
    if (idle == null || idle.isNegative() || idle.isZero()) {
      problems.add(
          "K8TRE_VDI_IDLE_TIMEOUT="
              + env.get("K8TRE_VDI_IDLE_TIMEOUT")
              + " is not a positive duration such as 30m or 8h");
    }
    int port = 0;
    try {
      port = Integer.parseInt(env.getOrDefault("K8TRE_OPERATOR_HEALTH_PORT", "8081"));
    } catch (NumberFormatException e) {
      problems.add(
          "K8TRE_OPERATOR_HEALTH_PORT=" + env.get("K8TRE_OPERATOR_HEALTH_PORT") + " is no port");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Optional<String> lease =
        Optional.ofNullable(env.get("POD_NAMESPACE")).filter(s -> !s.isBlank());
    return new OperatorSettings(namespace, image, idle, port, lease);
  }
}
