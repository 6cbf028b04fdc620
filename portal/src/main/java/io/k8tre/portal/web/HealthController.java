package io.k8tre.portal.web;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health} as K8TRE's probes and nginx know it. Liveness and readiness with their parts are
 * at {@code /actuator/health/liveness} and {@code /actuator/health/readiness}.
 */
@RestController
class HealthController {

  private final ApplicationAvailability availability;

  HealthController(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @GetMapping("/health")
  ResponseEntity<Map<String, String>> health() {
    boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    return ResponseEntity.status(ready ? 200 : 503)
        .body(Map.of("status", ready ? "healthy" : "unavailable", "service", "k8tre-portal"));
  }
}
