package io.k8tre.portal.support;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.k8tre.api.Condition;
import io.k8tre.api.VDIConventions;
import io.k8tre.api.VDIInstance;
import io.k8tre.api.VDIInstanceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the VDI operator in the portal's tests: for each new VDIInstance it writes the
 * credentials Secret, reports {@code Provisioning} at once and {@code Ready} after a set delay.
 */
public final class SimulatedOperator implements AutoCloseable {

  private final KubernetesClient client;
  private final Duration delay;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final SharedIndexInformer<VDIInstance> informer;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();

  public SimulatedOperator(KubernetesClient client, Duration delay) {
    this.client = client;
    this.delay = delay;
    this.informer =
        client
            .resources(VDIInstance.class)
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(VDIInstance vdi) {
                    provision(vdi);
                  }

                  @Override
                  public void onUpdate(VDIInstance old, VDIInstance vdi) {}

                  @Override
                  public void onDelete(VDIInstance vdi, boolean unknown) {}
                },
                0L);
  }

  /** The password written for a desktop, to compare with what Guacamole receives. */
  public String password(String name) {
    return passwords.get(name);
  }

  private void provision(VDIInstance vdi) {
    String ns = vdi.getMetadata().getNamespace();
    String name = vdi.getMetadata().getName();
    String password = "Sim-" + Long.toHexString(System.nanoTime()) + "${GUAC_USERNAME}";
    passwords.put(name, password);
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(VDIConventions.secretName(name))
                .withNamespace(ns)
                .endMetadata()
                .withStringData(
                    Map.of(
                        VDIConventions.SECRET_USERNAME_KEY,
                        "vdx-sim",
                        VDIConventions.SECRET_PASSWORD_KEY,
                        password))
                .build())
        .createOr(r -> r.update());
    status(ns, name, "Provisioning", "False", "DesktopStarting", "The desktop is starting.");
    timer.schedule(
        () -> status(ns, name, "Ready", "True", "DesktopReady", "The desktop accepts RDP."),
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void status(
      String ns, String name, String phase, String ready, String reason, String message) {
    VDIInstance current = client.resources(VDIInstance.class).inNamespace(ns).withName(name).get();
    if (current == null) {
      return;
    }
    VDIInstanceStatus status = new VDIInstanceStatus();
    status.setPhase(phase);
    status.setConditions(
        List.of(new Condition("Ready", ready, reason, message, Instant.now().toString())));
    status.setObservedGeneration(current.getMetadata().getGeneration());
    status.setSecretName(VDIConventions.secretName(name));
    status.setServiceHost(VDIConventions.serviceHost(name, ns));
    current.setStatus(status);
    client.resource(current).updateStatus();
  }

  @Override
  public void close() {
    informer.close();
    timer.shutdownNow();
  }
}
