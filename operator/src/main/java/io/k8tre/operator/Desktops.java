package io.k8tre.operator;

import io.k8tre.api.AppSpec;
import io.k8tre.api.ProjectSpec;
import io.k8tre.api.SchedulingSpec;
import io.k8tre.api.VDIConventions;
import io.k8tre.api.VDIInstance;
import io.k8tre.api.VDIInstanceSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Merges a VDIInstance with its project's defaults and the operator's. The resource wins, then the
 * project ({@code spec.scheduling}; the launching app's {@code image} and {@code idle-timeout}
 * config), then the operator's settings.
 */
final class Desktops {

  static final String IDLE_TIMEOUT_KEY = "idle-timeout";
  static final String IMAGE_KEY = "image";

  private Desktops() {}

  static Desktop resolve(
      VDIInstance vdi, Optional<ProjectSpec> project, OperatorSettings settings) {
    VDIInstanceSpec spec = vdi.getSpec();
    Map<String, String> appConfig = appConfig(vdi, project);
    String image = firstSet(spec.image(), appConfig.get(IMAGE_KEY)).orElse(settings.defaultImage());
    Duration idle =
        Durations.parse(spec.idleTimeout())
            .or(() -> Durations.parse(appConfig.get(IDLE_TIMEOUT_KEY)))
            .orElse(settings.idleTimeout());
    SchedulingSpec scheduling =
        spec.scheduling() != null
            ? spec.scheduling()
            : project.map(ProjectSpec::scheduling).orElse(null);
    Map<String, String> labels = vdi.getMetadata().getLabels();
    return new Desktop(
        vdi.getMetadata().getName(),
        vdi.getMetadata().getNamespace(),
        vdi.getMetadata().getUid(),
        spec.user(),
        spec.project(),
        labels == null ? null : labels.get(VDIConventions.OWNER_LABEL),
        image,
        spec.env(),
        spec.settings(),
        scheduling,
        idle);
  }

  /** The config of the app the desktop was launched from, else of the project's first vdi app. */
  private static Map<String, String> appConfig(VDIInstance vdi, Optional<ProjectSpec> project) {
    if (project.isEmpty() || project.get().apps() == null) {
      return Map.of();
    }
    Map<String, String> annotations = vdi.getMetadata().getAnnotations();
    String app = annotations == null ? null : annotations.get(VDIConventions.APP_ANNOTATION);
    return project.get().apps().stream()
        .filter(a -> "vdi".equals(a.type()))
        .filter(a -> app == null || app.equals(a.name()))
        .findFirst()
        .map(AppSpec::config)
        .filter(c -> c != null)
        .orElse(Map.of());
  }

  private static Optional<String> firstSet(String a, String b) {
    if (a != null && !a.isBlank()) {
      return Optional.of(a);
    }
    return Optional.ofNullable(b).filter(s -> !s.isBlank());
  }
}
