package io.k8tre.portal.gateway;

import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.config.SecretValue;
import io.k8tre.portal.config.SettingsRule;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Production needs real keys: a signing key set and a header secret nobody else knows. */
@Component
class GatewaySettingsRule implements SettingsRule {

  static final int MIN_HEADER_SECRET = 32;

  private final GatewayProperties gateway;

  GatewaySettingsRule(GatewayProperties gateway) {
    this.gateway = gateway;
  }

  @Override
  public void check(PortalProperties portal, List<String> problems) {
    boolean production = portal.mode() == PortalProperties.Mode.PRODUCTION;
    if (gateway.signingKeysFile() != null && !Files.isReadable(gateway.signingKeysFile())) {
      problems.add(
          "portal.gateway.signing-keys-file="
              + gateway.signingKeysFile()
              + " cannot be read: check the Secret mount");
    } else if (gateway.signingKeysFile() == null && production) {
      problems.add(
          "portal.gateway.signing-keys-file (PORTAL_GATEWAY_SIGNING_KEYS_FILE) is unset: mount"
              + " the JWK Set made by 'k8tre secrets apply' (secret portal-signing-keys)");
    }
    if (gateway.headerSecretFile() != null && !Files.isReadable(gateway.headerSecretFile())) {
      problems.add(
          "portal.gateway.header-secret-file="
              + gateway.headerSecretFile()
              + " cannot be read: check the Secret mount");
      return;
    }
    Optional<String> secret =
        SecretValue.resolve(gateway.headerSecret(), gateway.headerSecretFile());
    if (secret.isEmpty() && production) {
      problems.add(
          "portal.gateway.header-secret-file (PORTAL_GATEWAY_HEADER_SECRET_FILE) is unset: mount"
              + " the secret JupyterHub verifies X-Auth-Signature with (secret portal-header-secret)");
    } else if (secret.isPresent()
        && production
        && (SecretValue.isKnownDefault(secret.get())
            || secret.get().length() < MIN_HEADER_SECRET)) {
      problems.add(
          "portal.gateway.header-secret ("
              + SecretValue.shape(secret.get())
              + ") must be a generated value of at least "
              + MIN_HEADER_SECRET
              + " characters, not a published default");
    }
  }
}
