package io.k8tre.operator;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.k8tre.api.VDIConventions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The desktop's RDP credentials. Made once: the password is generated when the Secret is first
 * created and never changes, is never written to the VDIInstance's status and never logged. The
 * portal reads it from here when it builds the Guacamole connection.
 */
final class DesktopSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DesktopSecret() {}

  static Secret desired(Desktop desktop, String password) {
    return new SecretBuilder()
        .withMetadata(DesktopObjects.metadata(desktop, VDIConventions.secretName(desktop.name())))
        .withType("Opaque")
        .withImmutable(true)
        .withStringData(
            Map.of(
                VDIConventions.SECRET_USERNAME_KEY,
                desktop.linuxUser(),
                VDIConventions.SECRET_PASSWORD_KEY,
                password))
        .build();
  }

  /**
   * 24 random bytes in URL-safe Base64 (32 characters): no {@code $}, so Guacamole's {@code ${…}}
   * token filter never touches it, and no character that needs quoting in a shell.
   */
  static String newPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
