package io.k8tre.portal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs against the fabric8 mock API server; instance fields give each test its own server. */
@EnableKubernetesMockClient(crud = true)
class KubernetesDirectorySourceTest extends DirectorySourceContractTest {

  private static final String NAMESPACE = "keycloak";

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void isWatchingWhenApiServerGoesAwayThenFalseSoTheDirectoryAges() {
    putGroup("kept", List.of("ada"), List.of());
    started();
    var kubernetes = (KubernetesDirectorySource) source();

    server.destroy();

    await().atMost(Duration.ofSeconds(30)).until(() -> !kubernetes.isWatching());
    assertThat(latest().group("kept")).isPresent();
  }

  @Override
  DirectorySource newSource() {
    return new KubernetesDirectorySource(client, SampleDirectory.properties(null, Duration.ZERO));
  }

  @Override
  void awaitWatching() {
    var kubernetes = (KubernetesDirectorySource) source();
    await().atMost(Duration.ofSeconds(10)).until(kubernetes::isWatching);

    // One untimed round trip first: on a cold JVM the first watch event can take seconds,
    // which says nothing about how fast the source follows changes once running.
    putGroup("warm-up", List.of(), List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> latest().group("warm-up").isPresent());
    deleteGroup("warm-up");
    await().atMost(Duration.ofSeconds(10)).until(() -> latest().group("warm-up").isEmpty());
  }

  /**
   * The mock server handles a closed watch on its event loop and waits there for the watch's
   * pending events; a change made at that moment deadlocks it until the client's next request times
   * out (sending the event needs the same loop). A real API server has no such window. Give it a
   * moment to let the watches go.
   */
  @Override
  void afterClose() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  Duration follow() {
    return Duration.ofSeconds(1);
  }

  @Override
  void putGroup(String name, List<String> members, List<String> projects) {
    GenericKubernetesResource group =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("identity.k8tre.io/v1alpha1")
            .withKind("Group")
            .withNewMetadata()
            .withName(name)
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withAdditionalProperties(
                Map.of("spec", Map.of("members", members, "projects", projects)))
            .build();
    client
        .genericKubernetesResources(context("Group", "groups"))
        .resource(group)
        .createOr(r -> r.update());
  }

  @Override
  void deleteGroup(String name) {
    client
        .genericKubernetesResources(context("Group", "groups"))
        .inNamespace(NAMESPACE)
        .withName(name)
        .delete();
  }

  @Test
  void startWhenConnectedThenWatchHealthyAndSyncTimeSet() {
    started();

    var kubernetes = (KubernetesDirectorySource) source();
    assertThat(kubernetes.isWatching()).isTrue();
    assertThat(kubernetes.lastSuccessfulSync()).isPresent();
  }

  @Test
  void startWhenGroupInOtherNamespaceThenIgnored() {
    started();

    client
        .genericKubernetesResources(context("Group", "groups"))
        .inNamespace("elsewhere")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("identity.k8tre.io/v1alpha1")
                .withKind("Group")
                .withNewMetadata()
                .withName("stray")
                .withNamespace("elsewhere")
                .endMetadata()
                .build())
        .create();
    putGroup("marker", List.of(), List.of());

    await().atMost(follow()).until(() -> latest().group("marker").isPresent());
    assertThat(latest().group("stray")).isEmpty();
  }

  private static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("identity.k8tre.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
