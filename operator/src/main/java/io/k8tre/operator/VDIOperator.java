package io.k8tre.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: reads the settings, starts the reconciler (leader-elected when {@code POD_NAMESPACE}
 * is set) and answers the kubelet's probes on {@code /healthz} and {@code /readyz}.
 */
public final class VDIOperator {

  private static final Logger log = LoggerFactory.getLogger(VDIOperator.class);

  private VDIOperator() {}

  public static void main(String[] args) throws IOException {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("k8tre-vdi-operator: " + e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator =
        start(client, new VDIInstanceReconciler(settings, Clock.systemUTC()), settings);
    operator.installShutdownHook(Duration.ofSeconds(10));
    serveProbes(
        settings.healthPort(),
        () -> true,
        () ->
            operator.getRuntimeInfo().isStarted()
                && operator.getRuntimeInfo().allEventSourcesAreHealthy());
    log.info(
        "VDI operator started: project-namespace={} idle-timeout={} leader-election={}",
        settings.projectNamespace(),
        settings.idleTimeout(),
        settings.leaseNamespace().isPresent());
  }

  /** Builds, registers and starts the operator on the given client. */
  static Operator start(
      KubernetesClient client, VDIInstanceReconciler reconciler, OperatorSettings settings) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  // Server-side apply of the primary needs a real API server; a merge patch of
                  // the status does the same job and also works against the test mock.
                  .withUseSSAToPatchPrimaryResource(false)
                  .withCloseClientOnStop(false);
              settings
                  .leaseNamespace()
                  .ifPresent(
                      ns ->
                          o.withLeaderElectionConfiguration(
                              new LeaderElectionConfiguration(OperatorSettings.LEASE_NAME, ns)));
            });
    operator.register(reconciler);
    operator.start();
    return operator;
  }

  /**
   * {@code /healthz}: the process answers. {@code /readyz}: the informers are connected. A standby
   * replica waiting for the lease is ready too: it is healthy, only not leading.
   */
  static HttpServer serveProbes(int port, BooleanSupplier live, BooleanSupplier ready)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", exchange -> answer(exchange, live.getAsBoolean()));
    server.createContext("/readyz", exchange -> answer(exchange, ready.getAsBoolean()));
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, boolean ok) throws IOException {
    byte[] body = (ok ? "ok\n" : "not ready\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
