package io.k8tre.portal.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * One fabric8 mock API server in CRUD mode for the integration tests, started before the Spring
 * context and found by the portal's own {@code KubernetesClientBuilder} through the {@code
 * kubernetes.master} system property. The real VDIInstance CRD is installed so the status
 * subresource behaves as on a cluster.
 */
public final class KubernetesMock {

  private static KubernetesMockServer server;
  private static KubernetesClient client;

  private KubernetesMock() {}

  public static synchronized void ensureRunning() {
    if (server != null) {
      return;
    }
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    try (InputStream in =
        KubernetesMock.class.getResourceAsStream(
            "/META-INF/fabric8/vdiinstances.k8tre.io-v1.yml")) {
      client.resource(new String(in.readAllBytes(), StandardCharsets.UTF_8)).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("kubernetes.master", client.getMasterUrl().toString());
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    System.setProperty("kubernetes.namespace", "default");
  }

  /** A client of the mock for test code (the simulated operator, assertions). */
  public static KubernetesClient client() {
    ensureRunning();
    return client;
  }
}
