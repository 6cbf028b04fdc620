package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.SampleDirectory;
import io.k8tre.portal.session.JdbcPortalSessions;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * PostgreSQL unreachable: the gateway keeps answering from memory for valid tokens, and a logout
 * still ends the login on this replica.
 */
class DatabaseOutageTest {

  private static JdbcTemplate unreachableDatabase() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SimpleDriverDataSource dataSource =
        new SimpleDriverDataSource(
            new org.postgresql.Driver(),
            "jdbc:postgresql://127.0.0.1:" + port + "/portal?connectTimeout=1",
            "portal",
            "");
    return new JdbcTemplate(dataSource);
  }

  @Test
  void decideWhenDatabaseDownThenValidTokensAreStillAnsweredAndLogoutStillBites() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    JdbcPortalSessions sessions = new JdbcPortalSessions(unreachableDatabase(), clock);
    ProjectTokens tokens =
        new ProjectTokens(
            SigningKeys.generate(),
            "https://portal.tre.example",
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            clock);
    DirectorySnapshot snapshot = SampleDirectory.snapshot();
    Gateway gateway =
        new Gateway(
            tokens,
            () -> snapshot,
            Duration.ofSeconds(60),
            sessions,
            sid -> SessionRefresher.Outcome.UNAVAILABLE,
            Duration.ofMinutes(3),
            clock,
            event -> {});
    String token = tokens.mint("sub", "trevolution", "t@k8tre.io", "asthma", "sid-during-outage");
    GatewayRequest request =
        new GatewayRequest(
            "http://localhost:18090/hub/home",
            "localhost:18090",
            "/hub/home",
            Map.of("asthma", token),
            "asthma",
            null,
            false);

    assertThat(gateway.decide(request).status()).isEqualTo(200);

    sessions.end("sid-during-outage", "logout");

    assertThat(gateway.decide(request).status()).isEqualTo(401);
  }
}
