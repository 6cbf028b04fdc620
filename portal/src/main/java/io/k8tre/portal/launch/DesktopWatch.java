package io.k8tre.portal.launch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.k8tre.api.VDIConventions;
import io.k8tre.portal.audit.AuditEvent;
import io.k8tre.portal.audit.AuditLog;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Records desktops the VDI operator stopped on its own (idle for longer than the timeout) as {@code
 * desktop.culled}: nobody asked the portal, so only a watch on VDIInstances sees it. The operator
 * annotates the reason just before it deletes; this reads it from the resource as it is being
 * deleted. Every replica watches, and the event key (the resource's uid) makes the audit store keep
 * one record.
 */
final class DesktopWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DesktopWatch.class);

  static final String CULLED = "desktop.culled";

  private final KubernetesClient client;
  private final ResourceDefinitionContext vdi;
  private final AuditLog audit;
  private final Clock clock;
  private volatile SharedIndexInformer<GenericKubernetesResource> informer;

  DesktopWatch(
      KubernetesClient client, ResourceDefinitionContext vdi, AuditLog audit, Clock clock) {
    this.client = client;
    this.vdi = vdi;
    this.audit = audit;
    this.clock = clock;
  }

  /** Starts without waiting for the first list, so an unreachable API server delays nothing. */
  @Override
  public void start() {
    SharedIndexInformer<GenericKubernetesResource> started =
        client.genericKubernetesResources(vdi).inAnyNamespace().runnableInformer(0);
    started.addEventHandler(new Deletions());
    started
        .start()
        .whenComplete(
            (ignored, e) -> {
              if (e != null) {
                log.warn(
                    "Desktop watch could not start; idle stops are not audited: {}", e.toString());
              }
            });
    informer = started;
  }

  @Override
  public void stop() {
    SharedIndexInformer<GenericKubernetesResource> running = informer;
    informer = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean isRunning() {
    return informer != null;
  }

  /** Turns a desktop being deleted into an audit event when the operator said why. */
  void deleting(GenericKubernetesResource resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    if (annotations == null
        || !VDIConventions.STOP_REASON_IDLE.equals(
            annotations.get(VDIConventions.STOP_REASON_ANNOTATION))) {
      return;
    }
    Map<?, ?> spec =
        resource.getAdditionalProperties().get("spec") instanceof Map<?, ?> m ? m : Map.of();
    String user = text(spec.get("user"));
    String project = text(spec.get("project"));
    // The watch sees every namespace: a desktop's spec is believed only where the portal would
    // have put it, under the name it would have given it, so a VDIInstance made elsewhere cannot
    // write into a project's trail.
    if (user == null
        || project == null
        || !KubernetesDesktops.namespaceOf(project).equals(resource.getMetadata().getNamespace())
        || !DesktopNames.of(user, project).equals(resource.getMetadata().getName())) {
      log.warn(
          "Idle stop not audited: desktop {}/{} is not one the portal made for its spec",
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName());
      return;
    }
    audit.record(
        new AuditEvent(
            clock.instant(),
            CULLED,
            user,
            project,
            annotations.get(VDIConventions.APP_ANNOTATION),
            "ok",
            "desktop.idle-timeout",
            null,
            null,
            1,
            CULLED + "/" + resource.getMetadata().getUid()));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * With the operator's finalizer, deletion shows first as an update that sets the deletion
   * timestamp, and the resource goes only after cleanup; without it, as a delete. Both are
   * reported; the key keeps one.
   */
  private final class Deletions implements ResourceEventHandler<GenericKubernetesResource> {

    @Override
    public void onAdd(GenericKubernetesResource resource) {
      // Already being deleted when this replica started watching.
      if (resource.getMetadata().getDeletionTimestamp() != null) {
        deleting(resource);
      }
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      if (before.getMetadata().getDeletionTimestamp() == null
          && after.getMetadata().getDeletionTimestamp() != null) {
        deleting(after);
      }
    }

    @Override
    public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
      deleting(resource);
    }
  }
}
