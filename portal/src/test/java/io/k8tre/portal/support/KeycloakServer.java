package io.k8tre.portal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak the integration tests log in against: reused when one already answers on {@code
 * localhost:8180} (e.g. from {@code bin/demo}), otherwise started once per test JVM through {@code
 * bin/keycloak.sh} with the demo realm and stopped when the JVM ends.
 */
public final class KeycloakServer {

  public static final String BASE_URL = "http://localhost:8180";
  public static final String ISSUER = BASE_URL + "/realms/k8tre-app";

  private static boolean started;

  private KeycloakServer() {}

  /** Makes sure Keycloak answers; idempotent and safe to call from every test class. */
  public static synchronized void ensureRunning() {
    if (started || isUp()) {
      return;
    }
    run("start", 300);
    started = true;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop", 60)));
  }

  static boolean isUp() {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration"))
              .timeout(Duration.ofSeconds(3))
              .build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(String command, int timeoutSeconds) {
    try {
      Process process =
          new ProcessBuilder(
                  "bash", RepositoryLayout.root().resolve("bin/keycloak.sh").toString(), command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("bin/keycloak.sh " + command + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "bin/keycloak.sh " + command + " exited " + process.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run bin/keycloak.sh " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running bin/keycloak.sh " + command, e);
    }
  }
}
