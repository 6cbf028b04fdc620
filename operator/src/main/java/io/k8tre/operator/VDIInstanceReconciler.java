package io.k8tre.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.k8tre.api.Project;
import io.k8tre.api.ProjectSpec;
import io.k8tre.api.VDIConventions;
import io.k8tre.api.VDIInstance;
import io.k8tre.api.VDIInstanceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns a VDIInstance into its Secret, Pod and Service, and reports the Pod's progress in the
 * status. The decisions are in the pure builders ({@link DesktopSecret}, {@link DesktopPod}, {@link
 * DesktopService}, {@link DesktopStatus}, {@link IdlePolicy}); this class only reads and writes.
 */
@ControllerConfiguration(name = "vdiinstance")
public class VDIInstanceReconciler implements Reconciler<VDIInstance>, Cleaner<VDIInstance> {

  private static final Logger log = LoggerFactory.getLogger(VDIInstanceReconciler.class);

  /** Pod changes (scheduled, ready, failed) must wake the reconciler; only ours are watched. */
  private static final String MANAGED = "app.kubernetes.io/managed-by=k8tre-vdi-operator";

  private final OperatorSettings settings;
  private final Clock clock;

  public VDIInstanceReconciler(OperatorSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, VDIInstance>> prepareEventSources(
      EventSourceContext<VDIInstance> context) {
    var pods =
        InformerEventSourceConfiguration.from(Pod.class, VDIInstance.class)
            .withLabelSelector(MANAGED)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VDIInstance.class))
            .build();
    return List.of(new InformerEventSource<>(pods, context));
  }

  @Override
  public UpdateControl<VDIInstance> reconcile(VDIInstance vdi, Context<VDIInstance> context) {
    KubernetesClient client = context.getClient();
    putLogContext(vdi);
    try {
      Desktop desktop = Desktops.resolve(vdi, project(client, vdi), settings);
      Instant now = clock.instant();

      Duration left = idleTimeLeft(vdi, desktop, now);
      if (left.isNegative() || left.isZero()) {
        log.info("Desktop stopped after being idle: idle-timeout={}", desktop.idleTimeout());
        markStopReason(client, vdi, VDIConventions.STOP_REASON_IDLE);
        client.resource(vdi).delete();
        return UpdateControl.noUpdate();
      }

      ensureSecret(client, desktop);
      Pod pod = ensurePod(client, context, desktop);
      ensureService(client, desktop);

      DesktopStatus.Verdict verdict = DesktopStatus.judge(PodState.of(pod));
      VDIInstanceStatus current = vdi.getStatus();
      VDIInstanceStatus next =
          DesktopStatus.next(current, desktop, vdi.getMetadata().getGeneration(), verdict, now);
      if (next == current) {
        return UpdateControl.<VDIInstance>noUpdate().rescheduleAfter(left);
      }
      log.info("Desktop status: phase={} reason={}", verdict.phase(), verdict.reason());
      vdi.setStatus(next);
      return UpdateControl.patchStatus(vdi).rescheduleAfter(left);
    } finally {
      clearLogContext();
    }
  }

  /**
   * Deletes the Pod, Service and Secret. Owner references would do the same on a real cluster; the
   * explicit delete makes removal immediate and does not depend on the garbage collector. While the
   * Pod is still shutting down the phase is {@code Terminating} and the finalizer stays.
   */
  @Override
  public DeleteControl cleanup(VDIInstance vdi, Context<VDIInstance> context) {
    KubernetesClient client = context.getClient();
    putLogContext(vdi);
    try {
      String ns = vdi.getMetadata().getNamespace();
      String workload = VDIConventions.workloadName(vdi.getMetadata().getName());
      client.pods().inNamespace(ns).withName(workload).delete();
      client.services().inNamespace(ns).withName(workload).delete();
      client
          .secrets()
          .inNamespace(ns)
          .withName(VDIConventions.secretName(vdi.getMetadata().getName()))
          .delete();
      if (client.pods().inNamespace(ns).withName(workload).get() != null) {
        markTerminating(client, vdi);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(2_000);
      }
      log.info("Desktop removed");
      return DeleteControl.defaultDelete();
    } finally {
      clearLogContext();
    }
  }

  private Duration idleTimeLeft(VDIInstance vdi, Desktop desktop, Instant now) {
    Map<String, String> annotations = vdi.getMetadata().getAnnotations();
    String last =
        annotations == null ? null : annotations.get(VDIConventions.LAST_ACTIVITY_ANNOTATION);
    String created = vdi.getMetadata().getCreationTimestamp();
    Instant since = created == null ? now : Instant.parse(created);
    return IdlePolicy.remaining(last, since, desktop.idleTimeout(), now);
  }

  private Optional<ProjectSpec> project(KubernetesClient client, VDIInstance vdi) {
    try {
      Project project =
          client
              .resources(Project.class)
              .inNamespace(settings.projectNamespace())
              .withName(vdi.getSpec().project())
              .get();
      return Optional.ofNullable(project).map(Project::getSpec);
    } catch (KubernetesClientException e) {
      // Defaults are a convenience: a desktop still starts with the operator's own settings.
      log.warn(
          "Project defaults unreadable, using the operator's: status={} (check the Role on"
              + " projects in namespace {})",
          e.getCode(),
          settings.projectNamespace());
      return Optional.empty();
    }
  }

  private static void ensureSecret(KubernetesClient client, Desktop desktop) {
    var secrets =
        client
            .secrets()
            .inNamespace(desktop.namespace())
            .withName(VDIConventions.secretName(desktop.name()));
    Secret existing = secrets.get();
    if (existing == null) {
      client.resource(DesktopSecret.desired(desktop, DesktopSecret.newPassword())).create();
      log.info("Desktop credentials created: secret={}", VDIConventions.secretName(desktop.name()));
    }
  }

  private static Pod ensurePod(
      KubernetesClient client, Context<VDIInstance> context, Desktop desktop) {
    Pod desired = DesktopPod.desired(desktop);
    var pods =
        client
            .pods()
            .inNamespace(desktop.namespace())
            .withName(VDIConventions.workloadName(desktop.name()));
    Pod existing = context.getSecondaryResource(Pod.class).orElseGet(pods::get);
    if (existing != null && existing.getMetadata().getDeletionTimestamp() == null) {
      if (DesktopPod.isCurrent(existing, desired)) {
        return existing;
      }
      // A Pod's spec is mostly immutable: a changed desktop means a new Pod.
      log.info("Desktop Pod replaced: its desired spec changed");
      pods.delete();
      return null;
    }
    if (existing != null) {
      return existing;
    }
    log.info("Desktop Pod created: image={}", desktop.image());
    return client.resource(desired).create();
  }

  private static void ensureService(KubernetesClient client, Desktop desktop) {
    Service desired = DesktopService.desired(desktop);
    var services =
        client
            .services()
            .inNamespace(desktop.namespace())
            .withName(VDIConventions.workloadName(desktop.name()));
    Service existing = services.get();
    if (existing == null) {
      client.resource(desired).create();
    } else if (!DesktopService.isCurrent(existing, desired)) {
      services.edit(
          s -> {
            s.getSpec().setSelector(desired.getSpec().getSelector());
            s.getSpec().setPorts(desired.getSpec().getPorts());
            return s;
          });
    }
  }

  private static void markTerminating(KubernetesClient client, VDIInstance vdi) {
    VDIInstanceStatus status = vdi.getStatus() == null ? new VDIInstanceStatus() : vdi.getStatus();
    if (DesktopStatus.TERMINATING.equals(status.getPhase())) {
      return;
    }
    status.setPhase(DesktopStatus.TERMINATING);
    vdi.setStatus(status);
    client.resource(vdi).patchStatus();
  }

  /**
   * Says why the operator is about to delete the desktop, so whoever watches deletions (the
   * portal's audit) can tell an idle stop from a person's. A merge patch touches only this key.
   */
  private static void markStopReason(KubernetesClient client, VDIInstance vdi, String reason) {
    client
        .resources(VDIInstance.class)
        .inNamespace(vdi.getMetadata().getNamespace())
        .withName(vdi.getMetadata().getName())
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + VDIConventions.STOP_REASON_ANNOTATION
                + "\":\""
                + reason
                + "\"}}}");
  }

  /** Puts the desktop's identity on every log line of this reconcile. */
  private static void putLogContext(VDIInstance vdi) {
    MDC.put("resource.namespace", vdi.getMetadata().getNamespace());
    MDC.put("resource.name", vdi.getMetadata().getName());
    MDC.put("user", vdi.getSpec() == null ? "" : vdi.getSpec().user());
  }

  private static void clearLogContext() {
    MDC.remove("resource.namespace");
    MDC.remove("resource.name");
    MDC.remove("user");
  }
}
