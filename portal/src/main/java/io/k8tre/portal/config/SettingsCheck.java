package io.k8tre.portal.config;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the settings once at startup and reports every problem together, each with key, value
 * (secrets by shape only), rule and likely fix, so an operator fixes a deployment in one round.
 */
public final class SettingsCheck {

  private SettingsCheck() {}

  /** Problems with the given settings; empty when the portal may start. */
  public static List<String> problems(PortalProperties settings) {
    List<String> problems = new ArrayList<>();
    boolean production = settings.mode() == PortalProperties.Mode.PRODUCTION;

    URI publicUrl = settings.publicUrl();
    if (publicUrl == null) {
      problems.add(
          "portal.public-url (PORTAL_PUBLIC_URL) is unset: give the portal's external URL");
    } else if (production && !"https".equals(publicUrl.getScheme())) {
      problems.add(
          "portal.public-url="
              + publicUrl
              + " must use https in production mode: TLS protects the session cookie");
    }
    String domain = settings.domain();
    if (domain == null || domain.isBlank()) {
      problems.add(
          "portal.domain (PORTAL_DOMAIN) is unset: give the environment domain, e.g. tre.example");
    } else if (!domain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
      problems.add(
          "portal.domain=" + domain + " is not a lower-case DNS name without port or scheme");
    }
    checkOidc(settings.oidc(), production, problems);
    return problems;
  }

  private static void checkOidc(
      PortalProperties.Oidc oidc, boolean production, List<String> problems) {
    if (oidc.issuerUri() == null) {
      problems.add(
          "portal.oidc.issuer-uri (PORTAL_OIDC_ISSUER_URI) is unset: give the Keycloak realm URL,"
              + " e.g. https://keycloak.tre.example/realms/k8tre-app");
    }
    if (oidc.clientSecretFile() != null && !Files.isReadable(oidc.clientSecretFile())) {
      problems.add(
          "portal.oidc.client-secret-file="
              + oidc.clientSecretFile()
              + " cannot be read: check the Secret mount");
      return;
    }
    Optional<String> secret = SecretValue.resolve(oidc.clientSecret(), oidc.clientSecretFile());
    if (secret.isEmpty()) {
      problems.add(
          "portal.oidc.client-secret-file (PORTAL_OIDC_CLIENT_SECRET_FILE) or"
              + " portal.oidc.client-secret is unset: mount the backend client's secret");
    } else if (production && SecretValue.isKnownDefault(secret.get())) {
      problems.add(
          "portal.oidc.client-secret is a published default ("
              + SecretValue.shape(secret.get())
              + "): production mode needs the client's real secret");
    }
  }
}
