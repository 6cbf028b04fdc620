package io.k8tre.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.k8tre.api.AppSpec;
import io.k8tre.api.Project;
import io.k8tre.api.ProjectSpec;
import io.k8tre.api.SchedulingSpec;
import io.k8tre.api.VDIConventions;
import io.k8tre.api.VDIInstance;
import io.k8tre.api.VDIInstanceSpec;
import io.k8tre.api.VDIInstanceStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator on the fabric8 mock API server in CRUD mode, with the real CRDs installed so the
 * status subresource behaves as on a cluster. Instance fields: a fresh server per test.
 */
@EnableKubernetesMockClient(crud = true)
class VDIInstanceReconcilerTest {

  private static final String NS = "project-asthma";
  private static final String NAME = "alice-asthma-0123456789ab";
  private static final Duration WAIT = Duration.ofSeconds(20);

  KubernetesClient client;

  private Operator operator;
  private CountingReconciler reconciler;

  @BeforeEach
  void start() throws Exception {
    for (String crd : List.of("vdiinstances.k8tre.io", "projects.research.k8tre.io")) {
      try (InputStream in =
          getClass().getResourceAsStream("/META-INF/fabric8/" + crd + "-v1.yml")) {
        client.resource(new String(in.readAllBytes(), StandardCharsets.UTF_8)).create();
      }
    }
    assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
        .extracting(CustomResourceDefinition::getMetadata)
        .hasSize(2);
    startOperator();
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void createWhenNewThenSecretPodServiceAndStatus() {
    createProject(new SchedulingSpec.ComputeResources("500m", "1Gi", "2", "4Gi"));
    client.resource(desktop(null)).create();

    Secret secret = await().atMost(WAIT).until(this::secret, s -> s != null);
    Pod pod = await().atMost(WAIT).until(this::pod, p -> p != null);
    Service service = await().atMost(WAIT).until(this::service, s -> s != null);
    VDIInstanceStatus status = await().atMost(WAIT).until(this::status, s -> s != null);

    String password = decoded(secret, VDIConventions.SECRET_PASSWORD_KEY);
    assertThat(password).hasSize(32);
    assertThat(decoded(secret, VDIConventions.SECRET_USERNAME_KEY)).isEqualTo("vdx-alice-asthma");
    assertThat(secret.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo(NAME));

    var container = pod.getSpec().getContainers().getFirst();
    assertThat(container.getImage()).isEqualTo("ghcr.io/example/desktop:2");
    assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("4Gi");
    assertThat(container.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("NEW_PASSWORD");
              assertThat(e.getValue()).isNull();
              assertThat(e.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo(secret.getMetadata().getName());
            })
        .anySatisfy(
            e ->
                assertThat(e.getName() + "=" + e.getValue()).isEqualTo("VDI_RESOLUTION=1920x1080"));
    assertThat(client.getKubernetesSerialization().asJson(pod)).doesNotContain(password);

    assertThat(service.getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("rdp", 3389),
            org.assertj.core.groups.Tuple.tuple("vnc", 5900));
    assertThat(service.getSpec().getSelector())
        .isEqualTo(
            pod.getMetadata().getLabels().entrySet().stream()
                .filter(e -> service.getSpec().getSelector().containsKey(e.getKey()))
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

    assertThat(status.getPhase()).isIn("Pending", "Provisioning");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getServiceHost())
        .isEqualTo("vdi-" + NAME + ".project-asthma.svc.cluster.local");
    assertThat(status.getSecretName()).isEqualTo(secret.getMetadata().getName());
    assertThat(client.getKubernetesSerialization().asJson(vdi())).doesNotContain(password);
  }

  @Test
  void reconcileWhenPodBecomesReadyThenReady() {
    client.resource(desktop(null)).create();
    await().atMost(WAIT).until(this::pod, p -> p != null);

    setPodStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withConditions(condition("PodScheduled"), condition("Ready"))
            .build());

    VDIInstanceStatus status =
        await().atMost(WAIT).until(this::status, s -> s != null && "Ready".equals(s.getPhase()));
    assertThat(status.getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo("Ready");
              assertThat(c.status()).isEqualTo("True");
              assertThat(c.reason()).isEqualTo("DesktopReady");
            });
  }

  @Test
  void reconcileWhenImageCannotBePulledThenFailedWithReason() {
    client.resource(desktop(null)).create();
    await().atMost(WAIT).until(this::pod, p -> p != null);

    setPodStatus(
        new PodStatusBuilder()
            .withPhase("Pending")
            .withConditions(condition("PodScheduled"))
            .withContainerStatuses(
                new ContainerStatusBuilder()
                    .withName("desktop")
                    .withNewState()
                    .withNewWaiting()
                    .withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"ghcr.io/example/desktop:2\"")
                    .endWaiting()
                    .endState()
                    .build())
            .build());

    VDIInstanceStatus status =
        await().atMost(WAIT).until(this::status, s -> s != null && "Failed".equals(s.getPhase()));
    assertThat(status.getConditions().getFirst().reason()).isEqualTo("ImagePullFailed");
    assertThat(status.getConditions().getFirst().message()).contains("Back-off pulling image");
  }

  @Test
  void deleteWhenDesktopRemovedThenSecretPodAndServiceGone() {
    client.resource(desktop(null)).create();
    await().atMost(WAIT).until(() -> secret() != null && pod() != null && service() != null);

    client.resources(VDIInstance.class).inNamespace(NS).withName(NAME).delete();

    await().atMost(WAIT).until(() -> vdi() == null);
    assertThat(secret()).isNull();
    assertThat(pod()).isNull();
    assertThat(service()).isNull();
  }

  @Test
  void reconcileWhenRepeatedThenNothingChanges() {
    client.resource(desktop(null)).create();
    await().atMost(WAIT).until(this::pod, p -> p != null);
    setPodStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withConditions(condition("PodScheduled"), condition("Ready"))
            .build());
    await().atMost(WAIT).until(this::status, s -> s != null && "Ready".equals(s.getPhase()));
    String before = versions();
    int calls = reconciler.calls.get();

    // A restarted operator reconciles every desktop again from scratch.
    operator.stop();
    startOperator();
    await().atMost(WAIT).until(() -> reconciler.calls.get() > 0);
    await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);

    assertThat(calls).isPositive();
    assertThat(reconciler.lastControl).isNotNull();
    assertThat(reconciler.lastControl.isPatchStatus()).isFalse();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void reconcileWhenIdleLongerThanTimeoutThenDesktopStoppedAndSaysWhy() {
    List<VDIInstance> deleted = new CopyOnWriteArrayList<>();
    Watch watch =
        client
            .resources(VDIInstance.class)
            .inNamespace(NS)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, VDIInstance resource) {
                    if (action == Action.DELETED) {
                      deleted.add(resource);
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      client.resource(desktop("1s")).create();

      await().atMost(WAIT).until(() -> vdi() == null);
      assertThat(pod()).isNull();
      assertThat(secret()).isNull();
      await().atMost(WAIT).until(() -> !deleted.isEmpty());
    } finally {
      watch.close();
    }
    assertThat(deleted.getFirst().getMetadata().getAnnotations())
        .containsEntry(VDIConventions.STOP_REASON_ANNOTATION, VDIConventions.STOP_REASON_IDLE);
  }

  @Test
  void reconcileWhenNotIdleThenNoStopReason() {
    client.resource(desktop("1h")).create();

    await().atMost(WAIT).until(this::status, s -> s != null);
    Map<String, String> annotations = vdi().getMetadata().getAnnotations();
    assertThat(annotations == null ? Map.<String, String>of() : annotations)
        .doesNotContainKey(VDIConventions.STOP_REASON_ANNOTATION);
  }

  private void startOperator() {
    OperatorSettings settings =
        new OperatorSettings(
            "keycloak", "ghcr.io/example/default:1", Duration.ofHours(8), 0, Optional.empty());
    reconciler = new CountingReconciler(settings);
    operator = VDIOperator.start(client, reconciler, settings);
  }

  private void createProject(SchedulingSpec.ComputeResources resources) {
    Project project = new Project();
    project.setMetadata(
        new ObjectMetaBuilder().withName("asthma").withNamespace("keycloak").build());
    project.setSpec(
        new ProjectSpec(
            "Asthma research",
            List.of(
                new AppSpec(
                    "guacamole",
                    "vdi",
                    "https://guacamole.example/",
                    Map.of("image", "ghcr.io/example/desktop:2"))),
            null,
            null,
            null,
            null,
            new SchedulingSpec(null, null, null, resources, null, null)));
    client.resource(project).create();
  }

  private static VDIInstance desktop(String idleTimeout) {
    VDIInstance vdi = new VDIInstance();
    vdi.setMetadata(
        new ObjectMetaBuilder()
            .withName(NAME)
            .withNamespace(NS)
            .withLabels(
                Map.of(VDIConventions.OWNER_LABEL, "alice", VDIConventions.PROJECT_LABEL, "asthma"))
            .withAnnotations(Map.of(VDIConventions.APP_ANNOTATION, "guacamole"))
            .build());
    vdi.setSpec(
        new VDIInstanceSpec(
            "alice",
            "asthma",
            null,
            "rdp",
            null,
            null,
            null,
            null,
            Map.of("resolution", "1920x1080"),
            idleTimeout));
    return vdi;
  }

  private void setPodStatus(io.fabric8.kubernetes.api.model.PodStatus status) {
    Pod pod = pod();
    pod.setStatus(status);
    client.pods().inNamespace(NS).resource(pod).updateStatus();
  }

  private static io.fabric8.kubernetes.api.model.PodCondition condition(String type) {
    return new PodConditionBuilder().withType(type).withStatus("True").build();
  }

  private String versions() {
    return String.join(
        ",",
        vdi().getMetadata().getResourceVersion(),
        pod().getMetadata().getResourceVersion(),
        service().getMetadata().getResourceVersion(),
        secret().getMetadata().getResourceVersion());
  }

  private VDIInstance vdi() {
    return client.resources(VDIInstance.class).inNamespace(NS).withName(NAME).get();
  }

  private VDIInstanceStatus status() {
    VDIInstance vdi = vdi();
    return vdi == null ? null : vdi.getStatus();
  }

  private Secret secret() {
    return client.secrets().inNamespace(NS).withName(VDIConventions.secretName(NAME)).get();
  }

  private Pod pod() {
    return client.pods().inNamespace(NS).withName(VDIConventions.workloadName(NAME)).get();
  }

  private Service service() {
    return client.services().inNamespace(NS).withName(VDIConventions.workloadName(NAME)).get();
  }

  private static String decoded(Secret secret, String key) {
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  /** The real reconciler, counting its calls and keeping its last answer. */
  static final class CountingReconciler extends VDIInstanceReconciler {

    final AtomicInteger calls = new AtomicInteger();
    volatile UpdateControl<VDIInstance> lastControl;

    CountingReconciler(OperatorSettings settings) {
      super(settings, Clock.systemUTC());
    }

    @Override
    public UpdateControl<VDIInstance> reconcile(VDIInstance vdi, Context<VDIInstance> context) {
      UpdateControl<VDIInstance> control = super.reconcile(vdi, context);
      lastControl = control;
      calls.incrementAndGet();
      return control;
    }
  }
}
