package io.k8tre.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the packaged portal's configuration on port 18480, sessions in the
 * real PostgreSQL, login against the real Keycloak, the sample resources from the folder. All
 * subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
public abstract class PortalIT {

  /** 18480 is registered in the demo realm; 8080 works too when bin/demo is not running. */
  public static final int PORT = Integer.getInteger("k8tre.it.port", 18480);

  public static final URI PORTAL = URI.create("http://localhost:" + PORT);

  /** A copy of the sample resources that tests may change (membership changes). */
  public static final Path DIRECTORY = copyOfSamples();

  private static Path copyOfSamples() {
    try {
      Path dir = Files.createTempDirectory("k8tre-it-directory");
      try (var files = Files.list(RepositoryLayout.samples())) {
        for (Path file : files.toList()) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Guacamole's json-secret-key shared by the portal and the tests' Guacamole. */
  public static final String GUACAMOLE_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

  @DynamicPropertySource
  static void realServices(DynamicPropertyRegistry registry) {
    PostgresDatabase.recreate();
    KeycloakServer.ensureRunning();
    KubernetesMock.ensureRunning();
    registry.add("portal.vdi.enabled", () -> "true");
    registry.add("portal.guacamole.json-secret-key", () -> GUACAMOLE_KEY);
    registry.add("spring.datasource.url", () -> PostgresDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("portal.directory.folder", () -> DIRECTORY.toString());
    registry.add("server.port", () -> PORT);
    registry.add("portal.public-url", () -> PORTAL.toString());
  }

  /**
   * The settings of a portal context of its own, for a test that breaks one of its services: its
   * own port and database, the sample resources, no desktops. The caller adds what it changes.
   */
  public static void separateContext(DynamicPropertyRegistry registry, int port, String database) {
    registry.add("spring.datasource.url", () -> database);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("portal.directory.folder", DIRECTORY::toString);
    registry.add("server.port", () -> port);
    registry.add("portal.public-url", () -> "http://localhost:" + port);
    registry.add("portal.vdi.enabled", () -> "false");
  }

  protected Browserless newBrowser() {
    return new Browserless(PORTAL);
  }
}
