package io.k8tre.operator;

import io.k8tre.api.Condition;
import io.k8tre.api.VDIConventions;
import io.k8tre.api.VDIInstanceStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides the VDIInstance's status from the Pod's state. One condition, {@code Ready}, with a
 * stable reason per situation (the table in operator/README.md); its {@code lastTransitionTime}
 * moves only when its status flips, and an unchanged decision returns the old status object, so the
 * reconciler writes nothing.
 */
final class DesktopStatus {

  static final String PENDING = "Pending";
  static final String PROVISIONING = "Provisioning";
  static final String READY = "Ready";
  static final String FAILED = "Failed";
  static final String TERMINATING = "Terminating";

  /** Waiting reasons that will not fix themselves without someone changing something. */
  private static final Set<String> IMAGE_PROBLEMS =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

  private static final Set<String> CONFIG_PROBLEMS =
      Set.of("CreateContainerConfigError", "CreateContainerError", "RunContainerError");

  private DesktopStatus() {}

  /** What is observed, as phase plus the {@code Ready} condition's status, reason and message. */
  record Verdict(String phase, String ready, String reason, String message) {}

  static Verdict judge(PodState pod) {
    if (!pod.exists()) {
      return new Verdict(PENDING, "False", "PodCreating", "The desktop's Pod is being created.");
    }
    if (pod.ready()) {
      return new Verdict(READY, "True", "DesktopReady", "The desktop accepts RDP connections.");
    }
    if ("Failed".equals(pod.phase()) || "Succeeded".equals(pod.phase())) {
      return new Verdict(
          FAILED, "False", "PodFailed", "The desktop stopped" + suffix(pod.detail()));
    }
    if (pod.waitingReason() != null && IMAGE_PROBLEMS.contains(pod.waitingReason())) {
      return new Verdict(
          FAILED,
          "False",
          "ImagePullFailed",
          "The desktop image cannot be pulled ("
              + pod.waitingReason()
              + ")"
              + suffix(pod.detail()));
    }
    if ("CrashLoopBackOff".equals(pod.waitingReason())) {
      return new Verdict(
          FAILED, "False", "DesktopCrashing", "The desktop keeps exiting" + suffix(pod.detail()));
    }
    if (pod.waitingReason() != null && CONFIG_PROBLEMS.contains(pod.waitingReason())) {
      return new Verdict(
          FAILED,
          "False",
          "ContainerConfigInvalid",
          "The desktop container cannot be created ("
              + pod.waitingReason()
              + ")"
              + suffix(pod.detail()));
    }
    if (!pod.scheduled()) {
      return new Verdict(
          PENDING, "False", "PodUnscheduled", "Waiting for a node" + suffix(pod.detail()));
    }
    return new Verdict(PROVISIONING, "False", "DesktopStarting", "The desktop is starting.");
  }

  /**
   * The status to write, or {@code current} itself when nothing changed.
   *
   * @param current the status as stored, may be {@code null}
   */
  static VDIInstanceStatus next(
      VDIInstanceStatus current, Desktop desktop, long generation, Verdict verdict, Instant now) {
    Condition old =
        current == null
            ? null
            : current.getConditions().stream()
                .filter(c -> READY.equals(c.type()))
                .findFirst()
                .orElse(null);
    String since =
        old != null && old.status().equals(verdict.ready())
            ? old.lastTransitionTime()
            : now.truncatedTo(ChronoUnit.SECONDS).toString();
    Condition ready =
        new Condition(READY, verdict.ready(), verdict.reason(), verdict.message(), since);

    VDIInstanceStatus next = new VDIInstanceStatus();
    next.setPhase(verdict.phase());
    next.setConditions(List.of(ready));
    next.setObservedGeneration(generation);
    String host = VDIConventions.serviceHost(desktop.name(), desktop.namespace());
    next.setServiceHost(host);
    next.setHost(host);
    next.setSecretName(VDIConventions.secretName(desktop.name()));
    next.setLinuxUser(desktop.linuxUser());
    if (current != null) {
      next.setLastActivity(current.getLastActivity());
      next.setStorage(current.getStorage());
    }
    return current != null && same(current, next) ? current : next;
  }

  private static boolean same(VDIInstanceStatus a, VDIInstanceStatus b) {
    return Objects.equals(a.getPhase(), b.getPhase())
        && Objects.equals(a.getConditions(), b.getConditions())
        && Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
        && Objects.equals(a.getServiceHost(), b.getServiceHost())
        && Objects.equals(a.getHost(), b.getHost())
        && Objects.equals(a.getSecretName(), b.getSecretName())
        && Objects.equals(a.getLinuxUser(), b.getLinuxUser());
  }

  private static String suffix(String detail) {
    return detail == null || detail.isBlank() ? "." : ": " + detail;
  }
}
