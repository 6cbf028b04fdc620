package io.k8tre.portal.login;

import io.k8tre.portal.config.PortalProperties;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Ends the Keycloak session too (OpenID Connect RP-initiated logout with {@code id_token_hint}), so
 * the next login asks for a password, then lands on the logged-out page. When Keycloak cannot be
 * reached the portal session is still gone and the page says the single sign-on may remain.
 */
class KeycloakLogoutHandler implements LogoutSuccessHandler {

  private static final Logger log = LoggerFactory.getLogger(KeycloakLogoutHandler.class);

  private final OidcClientInitiatedLogoutSuccessHandler oidc;

  KeycloakLogoutHandler(KeycloakRegistrations registrations, PortalProperties settings) {
    this.oidc = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    this.oidc.setPostLogoutRedirectUri(settings.publicUrl().resolve("/logged-out").toString());
    this.oidc.setDefaultTargetUrl("/logged-out");
  }

  @Override
  public void onLogoutSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    log.info("Logout: user={}", PortalUser.usernameOf(authentication).orElse("?"));
    try {
      oidc.onLogoutSuccess(request, response, authentication);
    } catch (IdentityProviderUnavailableException e) {
      response.sendRedirect("/logged-out?sso=kept");
    }
  }
}
