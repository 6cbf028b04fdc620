package io.k8tre.operator;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.k8tre.api.SchedulingSpec;
import io.k8tre.api.VDIConventions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desktop's Pod: one {@code desktop} container with RDP and VNC, ready when RDP accepts
 * connections. The password reaches the container from the Secret by reference, never as a value in
 * the Pod.
 */
final class DesktopPod {

  /** Annotation holding a hash of the desired spec; a different hash means the Pod is replaced. */
  static final String SPEC_HASH_ANNOTATION = "k8tre.io/spec-hash";

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private DesktopPod() {}

  static Pod desired(Desktop desktop) {
    PodSpec spec = spec(desktop);
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new TreeMap<>();
    SchedulingSpec scheduling = desktop.scheduling();
    if (scheduling != null && scheduling.labels() != null) {
      labels.putAll(scheduling.labels());
    }
    labels.putAll(DesktopObjects.labels(desktop));
    if (scheduling != null && scheduling.annotations() != null) {
      annotations.putAll(scheduling.annotations());
    }
    annotations.put(SPEC_HASH_ANNOTATION, hash(spec));
    return new PodBuilder()
        .withMetadata(DesktopObjects.metadata(desktop, VDIConventions.workloadName(desktop.name())))
        .editMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  /** Whether the running Pod was made from the same desired spec. */
  static boolean isCurrent(Pod existing, Pod desired) {
    Map<String, String> annotations = existing.getMetadata().getAnnotations();
    return annotations != null
        && desired
            .getMetadata()
            .getAnnotations()
            .get(SPEC_HASH_ANNOTATION)
            .equals(annotations.get(SPEC_HASH_ANNOTATION));
  }

  private static PodSpec spec(Desktop desktop) {
    SchedulingSpec scheduling = desktop.scheduling();
    var container =
        new ContainerBuilder()
            .withName("desktop")
            .withImage(desktop.image())
            .withEnv(env(desktop))
            .withPorts(
                new ContainerPortBuilder()
                    .withName("rdp")
                    .withContainerPort(VDIConventions.RDP_PORT)
                    .build(),
                new ContainerPortBuilder()
                    .withName("vnc")
                    .withContainerPort(VDIConventions.VNC_PORT)
                    .build())
            .withNewReadinessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString(VDIConventions.RDP_PORT))
            .endTcpSocket()
            .withPeriodSeconds(2)
            .endReadinessProbe()
            .withResources(resources(scheduling))
            .build();
    PodSpec spec = new PodSpec();
    spec.setContainers(List.of(container));
    spec.setRestartPolicy("Always");
    // The desktop runs a person's session: it has no business talking to the API server.
    spec.setAutomountServiceAccountToken(false);
    spec.setEnableServiceLinks(false);
    if (scheduling != null) {
      if (scheduling.nodeSelector() != null) {
        spec.setNodeSelector(new TreeMap<>(scheduling.nodeSelector()));
      }
      if (scheduling.tolerations() != null) {
        spec.setTolerations(
            scheduling.tolerations().stream()
                .map(t -> JSON.convertValue(t, Toleration.class))
                .toList());
      }
      if (scheduling.affinity() != null) {
        spec.setAffinity(JSON.convertValue(scheduling.affinity(), Affinity.class));
      }
    }
    return spec;
  }

  private static List<EnvVar> env(Desktop desktop) {
    List<EnvVar> env = new ArrayList<>();
    env.add(value("VDI_USER", desktop.user()));
    env.add(value("VDI_PROJECT", desktop.project()));
    env.add(value("VDI_LINUX_USER", desktop.linuxUser()));
    env.add(
        new EnvVarBuilder()
            .withName("NEW_PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName(VDIConventions.secretName(desktop.name()))
            .withKey(VDIConventions.SECRET_PASSWORD_KEY)
            .endSecretKeyRef()
            .endValueFrom()
            .build());
    new TreeMap<>(desktop.settings())
        .forEach((key, v) -> env.add(value("VDI_" + variableName(key), v)));
    desktop.env().forEach(e -> env.add(value(e.name(), e.value())));
    return env;
  }

  /** {@code resolution} → {@code RESOLUTION}, {@code idle-timeout} → {@code IDLE_TIMEOUT}. */
  static String variableName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static ResourceRequirements resources(SchedulingSpec scheduling) {
    ResourceRequirements requirements = new ResourceRequirements();
    if (scheduling == null || scheduling.resources() == null) {
      return requirements;
    }
    SchedulingSpec.ComputeResources r = scheduling.resources();
    Map<String, Quantity> requests = new TreeMap<>();
    Map<String, Quantity> limits = new TreeMap<>();
    put(requests, "cpu", r.requestsCpu());
    put(requests, "memory", r.requestsMemory());
    put(limits, "cpu", r.limitsCpu());
    put(limits, "memory", r.limitsMemory());
    requirements.setRequests(requests.isEmpty() ? null : requests);
    requirements.setLimits(limits.isEmpty() ? null : limits);
    return requirements;
  }

  private static void put(Map<String, Quantity> into, String name, String quantity) {
    if (quantity != null && !quantity.isBlank()) {
      into.put(name, new Quantity(quantity));
    }
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static String hash(PodSpec spec) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JSON.asJson(spec).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
