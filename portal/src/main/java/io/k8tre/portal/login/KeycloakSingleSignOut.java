package io.k8tre.portal.login;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;

/**
 * Ends a login's Keycloak session from the server, for a session ended on the sessions page rather
 * than by its own browser (which logs out through the browser with {@code id_token_hint}).
 * Keycloak's end-session endpoint takes a confidential client's refresh token in a direct POST and
 * ends the session that token belongs to; without this, the browser whose portal session was ended
 * would be signed straight back in by its Keycloak cookie.
 */
@Component
public class KeycloakSingleSignOut {

  private static final Logger log = LoggerFactory.getLogger(KeycloakSingleSignOut.class);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /**
   * @return true when Keycloak confirmed; false when it could not be asked or refused (the refresh
   *     token had already lapsed with its session, say)
   */
  public boolean end(OAuth2AuthorizedClient client, String username) {
    ClientRegistration registration = client.getClientRegistration();
    Object endpoint =
        registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    OAuth2RefreshToken refresh = client.getRefreshToken();
    if (!(endpoint instanceof String url) || refresh == null) {
      log.warn("Keycloak session not ended: user={} reason=no-endpoint-or-refresh-token", username);
      return false;
    }
    String form =
        "client_id="
            + encode(registration.getClientId())
            + "&client_secret="
            + encode(registration.getClientSecret())
            + "&refresh_token="
            + encode(refresh.getTokenValue());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        log.info("Keycloak session ended: user={}", username);
        return true;
      }
      log.warn("Keycloak session not ended: user={} status={}", username, status);
    } catch (IOException e) {
      log.warn(
          "Keycloak session not ended: user={} error={}", username, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
