package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each of Guacamole's answers, from a local server that follows guacamole-json.md §4. */
class GuacamoleClientTest {

  private static final String KEY = "000102030405060708090a0b0c0d0e0f";

  private FakeGuacamole guacamole;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    guacamole = new FakeGuacamole(0, KEY);
    base = URI.create("http://127.0.0.1:" + guacamole.port() + "/guacamole/");
  }

  @AfterEach
  void stop() {
    guacamole.close();
  }

  @Test
  void exchangeWhenDocumentValidThenGrantedWithTheServersToken() {
    GuacamoleClient.Answer answer =
        new GuacamoleClient(Duration.ofSeconds(2)).exchange(base, sealed(KEY, "alice"));

    assertThat(answer).isInstanceOf(GuacamoleClient.Granted.class);
    assertThat(((GuacamoleClient.Granted) answer).authToken()).isEqualTo(guacamole.lastAuthToken);
    assertThat(guacamole.lastContentType).startsWith("application/x-www-form-urlencoded");
    assertThat(guacamole.lastDocument.username()).isEqualTo("alice");
    assertThat(answer.toString()).doesNotContain(guacamole.lastAuthToken);
  }

  @Test
  void exchangeWhenKeyDiffersThenRefused403() {
    GuacamoleClient.Answer answer =
        new GuacamoleClient(Duration.ofSeconds(2))
            .exchange(base, sealed("ffeeddccbbaa99887766554433221100", "alice"));

    assertThat(answer).isEqualTo(new GuacamoleClient.Refused(403));
  }

  @Test
  void exchangeWhenGuacamoleSlowThenTimeout() {
    guacamole.mode(FakeGuacamole.Mode.SLOW);

    GuacamoleClient.Answer answer =
        new GuacamoleClient(Duration.ofMillis(300)).exchange(base, sealed(KEY, "alice"));

    assertThat(answer).isEqualTo(new GuacamoleClient.Unreachable("timeout"));
  }

  @Test
  void exchangeWhenNothingListensThenRefusedConnection() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }

    GuacamoleClient.Answer answer =
        new GuacamoleClient(Duration.ofSeconds(2))
            .exchange(URI.create("http://127.0.0.1:" + free + "/guacamole"), sealed(KEY, "a"));

    assertThat(answer).isEqualTo(new GuacamoleClient.Unreachable("refused"));
  }

  private static String sealed(String keyHex, String user) {
    byte[] json =
        GuacamoleDocument.serialise(
            user,
            "p-desktop",
            "rdp",
            Map.of("hostname", "h", "password", "p+/="),
            System.currentTimeMillis() + 60_000);
    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"expires\":");
    return GuacamoleTokens.seal(GuacamoleKey.parse(keyHex).orElseThrow(), json);
  }
}
