package io.k8tre.portal.launch;

import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.config.SecretValue;
import io.k8tre.portal.config.SettingsRule;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Desktops in production need the Guacamole key; a key must be hex of a length Guacamole takes. */
@Component
class VdiSettingsRule implements SettingsRule {

  /** guacamole-json.md §4: the extension checks {@code expires} again at every directory read. */
  static final Duration MAX_TOKEN_LIFETIME = Duration.ofMinutes(1);

  private final VdiProperties vdi;
  private final GuacamoleProperties guacamole;

  VdiSettingsRule(VdiProperties vdi, GuacamoleProperties guacamole) {
    this.vdi = vdi;
    this.guacamole = guacamole;
  }

  @Override
  public void check(PortalProperties portal, List<String> problems) {
    Duration life = guacamole.tokenLifetime();
    if (life.isNegative() || life.isZero() || life.compareTo(MAX_TOKEN_LIFETIME) > 0) {
      problems.add(
          "portal.guacamole.token-lifetime="
              + life
              + " must be more than 0 and at most 60s: the document is a one-time pass");
    }
    if (guacamole.jsonSecretKeyFile() != null && !Files.isReadable(guacamole.jsonSecretKeyFile())) {
      problems.add(
          "portal.guacamole.json-secret-key-file="
              + guacamole.jsonSecretKeyFile()
              + " cannot be read: check the Secret mount");
      return;
    }
    Optional<String> key;
    try {
      key = guacamole.keyText();
    } catch (UncheckedIOException e) {
      problems.add("portal.guacamole.json-secret-key-file cannot be read: " + e.getMessage());
      return;
    }
    if (key.isPresent() && GuacamoleKey.parse(key.get()).isEmpty()) {
      problems.add(
          "portal.guacamole.json-secret-key ("
              + SecretValue.shape(key.get())
              + ") must be 32 hex digits (or 64, as older K8TRE secret stores hold), the same as"
              + " Guacamole's json-secret-key");
    } else if (key.isEmpty()
        && vdi.enabled()
        && portal.mode() == PortalProperties.Mode.PRODUCTION) {
      problems.add(
          "portal.guacamole.json-secret-key-file (PORTAL_GUACAMOLE_JSON_SECRET_KEY_FILE) is unset"
              + " while portal.vdi.enabled=true: mount the key Guacamole's json-secret-key holds"
              + " (secret guacamole-json-secret)");
    }
  }
}
