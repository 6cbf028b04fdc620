package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.k8tre.portal.audit.BufferedAuditLog;
import io.k8tre.portal.session.PortalSessions;
import io.k8tre.portal.support.KeycloakServer;
import io.k8tre.portal.support.PortalIT;
import io.k8tre.portal.support.PostgresDatabase;
import io.k8tre.portal.support.TcpRelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * PostgreSQL goes away under a running portal and comes back: the portal's database connections
 * pass through a relay the test cuts. While it is down the gateway answers valid tokens from
 * memory, a new login gets the "database unavailable" page, the dependencies health group says so,
 * and audit events wait in the buffer; when it returns they are written, none lost. A context of
 * its own on port 18482, closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIT {

  private static final int PORT = 18482;
  private static final URI PORTAL = URI.create("http://localhost:" + PORT);

  /** Apart from the shared integration-test database. */
  private static String database;

  private static final String HUB = "http://localhost:18090";
  private static TcpRelay relay;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired ProjectTokens tokens;
  @Autowired BufferedAuditLog audit;
  @Autowired MeterRegistry meters;
  @Autowired PortalSessions sessions;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws Exception {
    database = PostgresDatabase.recreateSeparate("outage");
    KeycloakServer.ensureRunning();
    relay = TcpRelay.to(new InetSocketAddress("127.0.0.1", 5432));
    PortalIT.separateContext(
        registry, PORT, database.replace(":5432/", ":" + relay.port() + "/") + "?connectTimeout=2");
  }

  @AfterAll
  static void closeRelay() {
    relay.close();
  }

  @Test
  void outageWhenDatabaseGoesAwayThenGatewayAnswersLoginsSaySoAndAuditCatchesUp() throws Exception {
    String member = tokens.mint("sub-t", "trevolution", "t@k8tre.io", "asthma", "sid-outage");
    String outsider =
        tokens.mint("sub-t", "trevolution", "t@k8tre.io", "hypertension", "sid-outage");
    assertThat(validate(member, "asthma", "before-" + id()).statusCode()).isEqualTo(200);
    assertThat(get("/login").statusCode()).isEqualTo(302);

    relay.cut();

    assertThat(validate(member, "asthma", "during-" + id()).statusCode()).isEqualTo(200);
    String refusedId = "during-deny-" + id();
    HttpResponse<String> refused = validate(outsider, "hypertension", refusedId);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("X-Auth-Reason")).hasValue("project.not-member");

    // The first login may wait for its connection to time out; once the portal has noticed the
    // outage (its session poll runs every half second), the page comes at once.
    assertThat(get("/login").statusCode()).isEqualTo(503);
    await().atMost(Duration.ofSeconds(15)).until(() -> !sessions.storeReachable());
    long started = System.nanoTime();
    HttpResponse<String> login = get("/login");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(login.statusCode()).isEqualTo(503);
    assertThat(login.body()).contains("database.unavailable").doesNotContain("Exception");
    HttpResponse<String> page = get("/projects");
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("database.unavailable");

    HttpResponse<String> health = get("/actuator/health/dependencies");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(dbHealth(health)).isEqualTo("DOWN");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> meters.counter("portal.audit.write.failures").count() > 0);
    assertThat(audit.depth()).isPositive();

    relay.restore();

    await().atMost(Duration.ofSeconds(30)).until(() -> audit.depth() == 0);
    JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", ""));
    assertThat(
            direct.queryForList(
                "SELECT kind || ' ' || username || ' ' || project || ' ' || reason"
                    + " FROM audit_event WHERE request_id = ?",
                String.class,
                refusedId))
        .containsExactly("gateway.deny trevolution hypertension project.not-member");
    await().atMost(Duration.ofSeconds(15)).until(() -> get("/login").statusCode() == 302);
    assertThat(dbHealth(get("/actuator/health/dependencies"))).isEqualTo("UP");
  }

  private HttpResponse<String> validate(String token, String project, String requestId)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(PORTAL.resolve("/auth/validate"))
            .header("X-Original-URL", HUB + "/hub/home")
            .header("X-Request-ID", requestId)
            .header(
                "Cookie",
                AuthCookies.TOKEN_PREFIX + project + "=" + token + "; k8tre-project=" + project)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(PORTAL.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String dbHealth(HttpResponse<String> health) {
    return new ObjectMapper()
        .readTree(health.body())
        .path("components")
        .path("db")
        .path("status")
        .asString();
  }

  private static String id() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
