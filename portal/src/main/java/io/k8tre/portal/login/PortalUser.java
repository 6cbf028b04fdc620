package io.k8tre.portal.login;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is logged in, as the portal names them: Keycloak's {@code preferred_username}, which K8TRE
 * uses as the {@code User} resource's name. A name outside the Kubernetes object-name alphabet
 * cannot match a resource, so it is treated as no name at all.
 */
public record PortalUser(String username, String displayName, String email) {

  private static final Pattern RESOURCE_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9._-]{0,251}[a-z0-9])?");

  /** The logged-in person, if any. */
  public static Optional<PortalUser> of(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser oidc)) {
      return Optional.empty();
    }
    String username = oidc.getPreferredUsername();
    if (username == null || !RESOURCE_NAME.matcher(username).matches()) {
      return Optional.empty();
    }
    String name = oidc.getFullName();
    return Optional.of(
        new PortalUser(
            username, name == null || name.isBlank() ? username : name, oidc.getEmail()));
  }

  /** Just the username, for log lines. */
  public static Optional<String> usernameOf(Authentication authentication) {
    return of(authentication).map(PortalUser::username);
  }
}
