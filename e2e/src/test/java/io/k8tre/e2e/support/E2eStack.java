package io.k8tre.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything the end-to-end tests talk to, started once per test JVM: Keycloak (reused when it
 * already answers), nginx and JupyterHub through {@code bin/e2e-services.sh}, and the packaged
 * portal jar as its own process on port 18480, reading a copy of the sample resources that tests
 * may edit. What was started here is stopped when the JVM ends; what was already running is left.
 */
public final class E2eStack {

  public static final URI PORTAL = URI.create("http://localhost:18480");
  public static final URI HUB = URI.create("http://localhost:18090");
  public static final URI HUB_BEHIND_NGINX = URI.create("http://127.0.0.1:18000");
  static final URI KEYCLOAK_DISCOVERY =
      URI.create("http://localhost:8180/realms/k8tre-app/.well-known/openid-configuration");

  private static E2eStack running;

  private final Path root;
  private final Path directory;
  private final String headerSecret;
  private final Process portal;
  private final boolean ownKeycloak;
  private final boolean ownServices;

  private E2eStack(
      Path root,
      Path directory,
      String headerSecret,
      Process portal,
      boolean ownKeycloak,
      boolean ownServices) {
    this.root = root;
    this.directory = directory;
    this.headerSecret = headerSecret;
    this.portal = portal;
    this.ownKeycloak = ownKeycloak;
    this.ownServices = ownServices;
  }

  public static synchronized E2eStack get() {
    if (running == null) {
      running = start();
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-stack-stop"));
    }
    return running;
  }

  /** The folder of User, Group and Project manifests the portal under test reads. */
  public Path directory() {
    return directory;
  }

  /** The secret of {@code X-Auth-Signature}, shared by the portal and JupyterHub. */
  public String headerSecret() {
    return headerSecret;
  }

  public Path root() {
    return root;
  }

  private static E2eStack start() {
    Path root = repositoryRoot();
    Path jar = root.resolve("portal/target/k8tre-portal.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the portal first (mvn -B verify -pl api,portal,e2e)");
    }
    boolean ownKeycloak = !answers(KEYCLOAK_DISCOVERY);
    if (ownKeycloak) {
      script(root, 300, "bin/keycloak.sh", "start");
    }
    boolean ownServices = !answers(HUB.resolve("/health"));
    long servicesStart = System.nanoTime();
    script(root, 180, "bin/e2e-services.sh", "start");
    Timings.record("nginx and JupyterHub start", servicesStart);

    String secret = readSecret(root);
    Path directory = copyOfSamples(root);
    long portalStart = System.nanoTime();
    Process portal = startPortal(root, jar, directory);
    Timings.record("portal jar start", portalStart);
    return new E2eStack(root, directory, secret, portal, ownKeycloak, ownServices);
  }

  private void stop() {
    portal.destroy();
    try {
      if (!portal.waitFor(30, TimeUnit.SECONDS)) {
        portal.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      portal.destroyForcibly();
    }
    if (ownServices) {
      script(root, 120, "bin/e2e-services.sh", "stop");
    }
    if (ownKeycloak) {
      script(root, 120, "bin/keycloak.sh", "stop");
    }
  }

  private static Process startPortal(Path root, Path jar, Path directory) {
    // Keycloak's demo client accepts logins only on this port, and the portal's own ITs use it
    // too: wait for another checkout's test run to let go of it rather than fail at once.
    awaitPortFree(PORTAL.getPort(), Duration.ofMinutes(10));
    String java = ProcessHandle.current().info().command().orElse("java");
    Path secretFile = secretFile(root);
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-jar",
                jar.toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + PORTAL.getPort(),
                "--server.address=127.0.0.1",
                "--portal.public-url=" + PORTAL,
                "--portal.domain=localhost",
                "--portal.session.store=memory",
                "--portal.directory.source=folder",
                "--portal.directory.folder=" + directory,
                "--portal.directory.poll-interval=500ms",
                "--portal.gateway.header-secret-file=" + secretFile));
    Path log = Path.of("target", "portal.log").toAbsolutePath();
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      // JSON lines, as operators collecting logs would run it; JsonLogsE2E reads them.
      builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
      Process process = builder.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      // The log line proves that this process, not another one, holds the port.
      while (!hasStarted(log) || !answers(PORTAL.resolve("/health"))) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the portal exited with " + process.exitValue() + " during start-up; log: " + log);
        }
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("the portal did not answer within 180 s; log: " + log);
        }
        Thread.sleep(250);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + jar, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the portal", e);
    }
  }

  private static boolean hasStarted(Path log) throws IOException {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.anyMatch(line -> line.contains("Started PortalApplication"));
    } catch (UncheckedIOException e) {
      return false; // a half-written line that is not UTF-8 yet
    }
  }

  private static void awaitPortFree(int port, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    boolean told = false;
    while (isListening(port)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "port " + port + " is still taken after " + patience + "; stop what listens there");
      }
      if (!told) {
        System.out.println("[e2e] port " + port + " is taken (another test run?); waiting");
        told = true;
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for port " + port, e);
      }
    }
  }

  private static boolean isListening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path secretFile(Path root) {
    String cache = System.getenv("K8TRE_CACHE");
    Path base = cache == null || cache.isBlank() ? root.resolve(".cache") : Path.of(cache);
    return base.resolve("e2e/auth-sig-secret");
  }

  private static String readSecret(Path root) {
    try {
      return Files.readString(secretFile(root), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("bin/e2e-services.sh left no header secret", e);
    }
  }

  private static Path copyOfSamples(Path root) {
    try {
      Path dir = Files.createTempDirectory("k8tre-e2e-directory");
      try (var files = Files.list(root.resolve("samples/k8tre-sample"))) {
        for (Path file : files.toList()) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the sample resources", e);
    }
  }

  private static boolean answers(URI uri) {
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void script(Path root, int timeoutSeconds, String... command) {
    List<String> line = new ArrayList<>(List.of("bash"));
    line.add(root.resolve(command[0]).toString());
    line.addAll(List.of(command).subList(1, command.length));
    // Output goes to a file and is printed afterwards: a forked test JVM must not have its
    // stdout written to by another process (failsafe reports a corrupted channel).
    Path output = Path.of("target", "e2e-scripts.log").toAbsolutePath();
    try {
      Files.createDirectories(output.getParent());
      Files.deleteIfExists(output);
      Process process =
          new ProcessBuilder(line)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      System.out.print(Files.readString(output, StandardCharsets.UTF_8));
      if (!finished) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + process.exitValue() + "; see above");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("bin/e2e-services.sh"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "repository root (with bin/e2e-services.sh) not found above "
            + Path.of("").toAbsolutePath());
  }
}
