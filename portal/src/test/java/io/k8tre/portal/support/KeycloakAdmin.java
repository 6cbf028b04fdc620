package io.k8tre.portal.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.json.JsonParserFactory;

/** The demo Keycloak's admin REST API (demo admin credentials), for tests that steer Keycloak. */
public final class KeycloakAdmin {

  private static final String REALM = KeycloakServer.BASE_URL + "/admin/realms/k8tre-app";

  private final HttpClient client = HttpClient.newHttpClient();
  private final String token;

  public KeycloakAdmin() {
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode("admin", StandardCharsets.UTF_8);
    Map<String, Object> answer =
        JsonParserFactory.getJsonParser()
            .parseMap(
                send(
                    HttpRequest.newBuilder(
                            URI.create(
                                KeycloakServer.BASE_URL
                                    + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))));
    this.token = (String) answer.get("access_token");
  }

  /** Points the backend client's back-channel logout at {@code url}. */
  public void setBackChannelLogoutUrl(String url) {
    String id = firstId(get("/clients?clientId=backend"));
    String client = get("/clients/" + id);
    String updated =
        client.replaceFirst(
            "\"backchannel.logout.url\":\"[^\"]*\"", "\"backchannel.logout.url\":\"" + url + "\"");
    send(
        authorized("/clients/" + id)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(updated)));
  }

  /** Ends every Keycloak session of a user, as an administrator would. */
  public void logoutUser(String username) {
    String id = firstId(get("/users?exact=true&username=" + username));
    send(authorized("/users/" + id + "/logout").POST(HttpRequest.BodyPublishers.noBody()));
  }

  private String get(String path) {
    return send(authorized(path).GET());
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(REALM + path))
        .header("Authorization", "Bearer " + token);
  }

  @SuppressWarnings("unchecked") // Keycloak answers a JSON array of objects here
  private static String firstId(String json) {
    List<Object> items = JsonParserFactory.getJsonParser().parseList(json);
    return (String) ((Map<String, Object>) items.get(0)).get("id");
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() >= 300) {
        throw new IllegalStateException("Keycloak admin API answered " + answer.statusCode());
      }
      return answer.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
