package io.k8tre.portal.launch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON document for one desktop connection (guacamole-json.md §2): only the fields the
 * extension knows (any other makes it refuse the whole document), {@code expires} as a number of
 * milliseconds, every parameter a string, and exactly one connection.
 */
public final class GuacamoleDocument {

  /** The data source the extension registers; part of every client identifier (§5). */
  static final String DATA_SOURCE = "json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GuacamoleDocument() {}

  /**
   * The document's exact UTF-8 bytes; sign and encrypt these, never a re-serialised copy.
   *
   * @param username who Guacamole says is connected
   * @param connection the connection's name, also its identifier; ASCII only (§5)
   * @param protocol {@code rdp} or {@code vnc}
   * @param parameters Guacamole connection parameters
   * @param expiresMillis when the document stops being accepted, ms since the epoch
   */
  public static byte[] serialise(
      String username,
      String connection,
      String protocol,
      Map<String, String> parameters,
      long expiresMillis) {
    if (!isAsciiName(connection)) {
      throw new IllegalArgumentException("connection names must be printable ASCII");
    }
    Map<String, String> escaped = new LinkedHashMap<>();
    parameters.forEach((k, v) -> escaped.put(k, escapeTokens(v)));
    Map<String, Object> conn = new LinkedHashMap<>();
    conn.put("protocol", protocol);
    conn.put("parameters", escaped);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("username", username);
    doc.put("expires", expiresMillis);
    doc.put("connections", Map.of(connection, conn));
    return JSON.writeValueAsBytes(doc);
  }

  /**
   * Guacamole replaces {@code ${NAME}} in parameter values when the connection opens (§2, E10);
   * {@code $${} is its escape for a literal {@code ${}.
   */
  static String escapeTokens(String value) {
    return value.replace("${", "$${");
  }

  /** The {@code #/client/<id>} identifier of a connection of this data source (§5). */
  public static String clientIdentifier(String connection) {
    byte[] latin1 = (connection + "\0c\0" + DATA_SOURCE).getBytes(StandardCharsets.ISO_8859_1);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(latin1);
  }

  static boolean isAsciiName(String name) {
    return name != null && !name.isEmpty() && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }
}
