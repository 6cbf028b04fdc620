package io.k8tre.portal.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A small Guacamole for the tests, answering {@code /api/tokens} as guacamole-json.md §4 describes:
 * form body only, 200 with an upper-case hex {@code authToken}, 403 with Guacamole's refusal for
 * anything the independent decoder rejects. {@code GET /guacamole/} serves a page standing in for
 * the web client.
 */
final class FakeGuacamole implements AutoCloseable {

  /** How the server misbehaves, for the client's error paths. */
  enum Mode {
    NORMAL,
    SLOW
  }

  private final HttpServer server;
  private final GuacamoleJsonDecoder decoder;
  private volatile Mode mode = Mode.NORMAL;
  volatile GuacamoleJsonDecoder.Document lastDocument;
  volatile String lastAuthToken;
  volatile String lastContentType;

  FakeGuacamole(int port, String keyHex) throws IOException {
    this.decoder = new GuacamoleJsonDecoder(keyHex, List.of());
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/guacamole/api/tokens", this::tokens);
    server.createContext("/guacamole/", this::page);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  private void tokens(HttpExchange exchange) throws IOException {
    if (mode == Mode.SLOW) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastContentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!"POST".equals(exchange.getRequestMethod())
        || lastContentType == null
        || !lastContentType
            .toLowerCase(Locale.ROOT)
            .startsWith("application/x-www-form-urlencoded")) {
      send(
          exchange,
          500,
          "{\"message\":\"Unexpected internal error.\",\"type\":\"INTERNAL_ERROR\"}");
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String data = null;
    for (String pair : body.split("&")) {
      if (pair.startsWith("data=")) {
        data = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      }
    }
    try {
      GuacamoleJsonDecoder.Document doc =
          decoder.decode(data, "127.0.0.1", System.currentTimeMillis());
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String token = HexFormat.of().withUpperCase().formatHex(random);
      lastDocument = doc;
      lastAuthToken = token;
      send(
          exchange,
          200,
          "{\"authToken\":\""
              + token
              + "\",\"username\":\""
              + doc.username()
              + "\",\"dataSource\":\"json\",\"availableDataSources\":[\"json\"]}");
    } catch (GuacamoleJsonDecoder.Rejected e) {
      send(
          exchange,
          403,
          "{\"message\":\"Permission denied.\",\"translatableMessage\":{\"key\":"
              + "\"APP.TEXT_UNTRANSLATED\",\"variables\":{\"MESSAGE\":\"Permission denied.\"}},"
              + "\"statusCode\":null,\"expected\":[],\"patches\":null,"
              + "\"type\":\"INVALID_CREDENTIALS\"}");
    }
  }

  private void page(HttpExchange exchange) throws IOException {
    byte[] html =
        "<!DOCTYPE html><html><head><title>Guacamole (test)</title></head><body><p>Guacamole test"
            .concat(" client</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, html.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(html);
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
