package io.k8tre.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published vectors (a copy of shared/vectors/guacamole-json-vectors.json, made against
 * Guacamole 1.6.0's own extension): the portal's encoder reproduces every token byte for byte, and
 * the independent decoder gives Guacamole's verdict on every vector and edge case.
 */
class GuacamoleVectorsTest {

  private static final JsonNode FILE = read();
  private static final long REFERENCE_NOW = FILE.get("time_of_reference_run_ms").asLong();

  static Stream<JsonNode> everyCase() {
    List<JsonNode> all = new ArrayList<>();
    FILE.get("vectors").forEach(all::add);
    FILE.get("edge_cases").forEach(all::add);
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCase")
  void sealWhenVectorJsonThenTokenIsByteForByteTheReference(JsonNode vector) {
    GuacamoleKey key = GuacamoleKey.parse(vector.get("key_hex").asString()).orElseThrow();
    byte[] json = vector.get("json").asString().getBytes(StandardCharsets.UTF_8);

    String token = GuacamoleTokens.seal(key, json);

    assertThat(json).hasSize(vector.get("json_utf8_length").asInt());
    assertThat(token).isEqualTo(vector.get("token").asString());
    assertThat(URLEncoder.encode(token, StandardCharsets.UTF_8))
        .isEqualTo(vector.get("token_form_urlencoded").asString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCase")
  void decodeWhenSentAsToReferenceThenSameVerdict(JsonNode vector) {
    GuacamoleJsonDecoder guacamole =
        new GuacamoleJsonDecoder(vector.get("key_hex").asString(), trustedNetworks(vector));
    String sent =
        vector.hasNonNull("token_sent_to_reference")
            ? vector.get("token_sent_to_reference").asString()
            : vector.get("token").asString();
    String from =
        vector.hasNonNull("remote_address") ? vector.get("remote_address").asString() : "127.0.0.1";

    List<Boolean> expected = new ArrayList<>();
    JsonNode reference = vector.get("reference_accepted");
    if (reference.isArray()) {
      reference.forEach(r -> expected.add(r.asBoolean()));
    } else {
      expected.add(reference.asBoolean());
    }
    List<Boolean> verdicts = new ArrayList<>();
    for (int attempt = 0; attempt < expected.size(); attempt++) {
      verdicts.add(accepts(guacamole, sent, from));
    }

    assertThat(verdicts).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCase")
  void decodeWhenAcceptedThenUserAndConnectionsAsReference(JsonNode vector) throws Exception {
    JsonNode result = vector.get("reference_result");
    if (result.isArray()) {
      result = result.get(0);
    }
    if (!result.get("accepted").asBoolean()) {
      return;
    }
    GuacamoleJsonDecoder guacamole =
        new GuacamoleJsonDecoder(vector.get("key_hex").asString(), trustedNetworks(vector));
    String sent =
        vector.hasNonNull("token_sent_to_reference")
            ? vector.get("token_sent_to_reference").asString()
            : vector.get("token").asString();
    String from =
        vector.hasNonNull("remote_address") ? vector.get("remote_address").asString() : "127.0.0.1";

    GuacamoleJsonDecoder.Document doc = guacamole.decode(sent, from, REFERENCE_NOW);

    assertThat(doc.username()).isEqualTo(result.get("authenticatedUserIdentifier").asString());
    List<String> names = new ArrayList<>();
    result.get("connections").propertyNames().forEach(names::add);
    assertThat(doc.connections() == null ? Map.of() : doc.connections())
        .containsOnlyKeys(names.toArray(String[]::new));
    for (String name : names) {
      assertThat(GuacamoleDocument.clientIdentifier(name))
          .isEqualTo(result.get("connections").get(name).get("clientIdentifier").asString());
    }
  }

  @Test
  void clientIdentifierWhenDocumentedExamplesThenSame() {
    assertThat(GuacamoleDocument.clientIdentifier("Desktop")).isEqualTo("RGVza3RvcABjAGpzb24");
    assertThat(GuacamoleDocument.clientIdentifier("Server 2022"))
        .isEqualTo("U2VydmVyIDIwMjIAYwBqc29u");
    assertThat(GuacamoleDocument.clientIdentifier("Büro")).isEqualTo("QvxybwBjAGpzb24");
  }

  @Test
  void parseWhenKeyNotThirtyTwoOrSixtyFourHexDigitsThenEmpty() {
    assertThat(GuacamoleKey.parse("4c0b569e4c96df157eee1b65dd0e4d4")).isEmpty();
    assertThat(GuacamoleKey.parse("4c0b569e4c96df157eee1b65dd0e4d41aabbccdd")).isEmpty();
    assertThat(GuacamoleKey.parse("zz0b569e4c96df157eee1b65dd0e4d41")).isEmpty();
    assertThat(GuacamoleKey.parse("4C0B569E4C96DF157EEE1B65DD0E4D41")).isPresent();
    assertThat(GuacamoleKey.parse("4c0b569e4c96df157eee1b65dd0e4d41").orElseThrow().toString())
        .doesNotContain("4c0b");
  }

  @Test
  void serialiseWhenPasswordHasTokenSyntaxThenEscapedAndDecodedBack() throws Exception {
    GuacamoleKey key = GuacamoleKey.parse("000102030405060708090a0b0c0d0e0f").orElseThrow();
    byte[] json =
        GuacamoleDocument.serialise(
            "José", "asthma-desktop", "rdp", Map.of("password", "a${GUAC_USERNAME}b"), 5_000L);

    GuacamoleJsonDecoder.Document doc =
        new GuacamoleJsonDecoder("000102030405060708090a0b0c0d0e0f", List.of())
            .decode(GuacamoleTokens.seal(key, json), "127.0.0.1", 4_000L);

    assertThat(doc.username()).isEqualTo("José");
    assertThat(doc.connections().get("asthma-desktop").parameters())
        .containsEntry("password", "a$${GUAC_USERNAME}b");
  }

  @Test
  void serialiseWhenConnectionNameNotAsciiThenRefused() {
    assertThatThrownBy(() -> GuacamoleDocument.serialise("u", "山田", "rdp", Map.of(), 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean accepts(GuacamoleJsonDecoder guacamole, String token, String from) {
    try {
      guacamole.decode(token, from, REFERENCE_NOW);
      return true;
    } catch (GuacamoleJsonDecoder.Rejected e) {
      return false;
    }
  }

  private static List<String> trustedNetworks(JsonNode vector) {
    if (!vector.hasNonNull("guacamole_properties_extra")) {
      return List.of();
    }
    String line = vector.get("guacamole_properties_extra").asString();
    String value = line.substring(line.indexOf(':') + 1);
    return Arrays.stream(value.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static JsonNode read() {
    try (InputStream in =
        GuacamoleVectorsTest.class.getResourceAsStream("/guacamole/guacamole-json-vectors.json")) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
