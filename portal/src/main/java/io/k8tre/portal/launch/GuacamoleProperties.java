package io.k8tre.portal.launch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code portal.guacamole.*}: how the portal signs people in to Guacamole.
 *
 * @param url Guacamole's base URL as the portal's server reaches it (for example the in-cluster
 *     Service); unset: the app's own URL from the project
 * @param jsonSecretKey the shared {@code json-secret-key} inline (local runs)
 * @param jsonSecretKeyFile file holding the key (a mounted Secret); wins over the inline value
 * @param tokenLifetime how far ahead {@code expires} is set; at most one minute
 * @param timeout connect and answer time allowed for {@code /api/tokens}
 */
@ConfigurationProperties(prefix = "portal.guacamole")
public record GuacamoleProperties(
    URI url,
    String jsonSecretKey,
    Path jsonSecretKeyFile,
    @DefaultValue("60s") Duration tokenLifetime,
    @DefaultValue("5s") Duration timeout) {

  /** The key's text from the file or inline, unchecked. */
  Optional<String> keyText() {
    return io.k8tre.portal.config.SecretValue.resolve(jsonSecretKey, jsonSecretKeyFile);
  }

  @Override
  public String toString() {
    return "GuacamoleProperties[url="
        + url
        + ", jsonSecretKey="
        + (jsonSecretKey == null ? "unset" : "***")
        + ", jsonSecretKeyFile="
        + jsonSecretKeyFile
        + ", tokenLifetime="
        + tokenLifetime
        + ", timeout="
        + timeout
        + "]";
  }
}
