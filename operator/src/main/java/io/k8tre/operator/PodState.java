package io.k8tre.operator;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;

/**
 * What the operator needs to know about the desktop's Pod.
 *
 * @param exists whether the Pod exists
 * @param phase the Pod's phase, {@code null} before the kubelet reports one
 * @param scheduled whether the Pod has a node
 * @param ready whether the Pod's {@code Ready} condition is true
 * @param waitingReason the desktop container's waiting reason, e.g. {@code ImagePullBackOff}
 * @param detail the most specific message Kubernetes gave, or {@code null}
 */
record PodState(
    boolean exists,
    String phase,
    boolean scheduled,
    boolean ready,
    String waitingReason,
    String detail) {

  static final PodState ABSENT = new PodState(false, null, false, false, null, null);

  static PodState of(Pod pod) {
    if (pod == null) {
      return ABSENT;
    }
    var status = pod.getStatus();
    if (status == null) {
      return new PodState(true, null, false, false, null, null);
    }
    List<PodCondition> conditions =
        status.getConditions() == null ? List.of() : status.getConditions();
    boolean ready = isTrue(conditions, "Ready");
    boolean scheduled =
        isTrue(conditions, "PodScheduled")
            || (pod.getSpec() != null && pod.getSpec().getNodeName() != null);
    Optional<ContainerStatus> desktop =
        status.getContainerStatuses() == null
            ? Optional.empty()
            : status.getContainerStatuses().stream()
                .filter(c -> "desktop".equals(c.getName()))
                .findFirst();
    String waiting = null;
    String detail = status.getMessage();
    if (desktop.isPresent()
        && desktop.get().getState() != null
        && desktop.get().getState().getWaiting() != null) {
      waiting = desktop.get().getState().getWaiting().getReason();
      if (desktop.get().getState().getWaiting().getMessage() != null) {
        detail = desktop.get().getState().getWaiting().getMessage();
      }
    }
    if (detail == null) {
      detail =
          conditions.stream()
              .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
              .map(PodCondition::getMessage)
              .findFirst()
              .orElse(null);
    }
    return new PodState(true, status.getPhase(), scheduled, ready, waiting, detail);
  }

  private static boolean isTrue(List<PodCondition> conditions, String type) {
    return conditions.stream()
        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
