package io.k8tre.portal.support;

import java.net.URI;
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

  public static final int PORT = 18480;
  public static final URI PORTAL = URI.create("http://localhost:" + PORT);

  @DynamicPropertySource
  static void realServices(DynamicPropertyRegistry registry) {
    PostgresDatabase.recreate();
    KeycloakServer.ensureRunning();
    registry.add("spring.datasource.url", () -> PostgresDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresDatabase.USER);
    registry.add("portal.directory.folder", () -> RepositoryLayout.samples().toString());
  }

  protected Browserless newBrowser() {
    return new Browserless(PORTAL);
  }
}
