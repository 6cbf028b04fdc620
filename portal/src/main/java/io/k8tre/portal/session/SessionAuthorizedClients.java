package io.k8tre.portal.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Keeps Keycloak's tokens (the authorized client) in the server-side session under a name of ours,
 * so the gateway can find a login's refresh token by session id when it renews a project token.
 * Tokens never go into a cookie.
 */
public class SessionAuthorizedClients implements OAuth2AuthorizedClientRepository {

  /** Session attribute holding the {@link OAuth2AuthorizedClient} of this login. */
  public static final String ATTRIBUTE = "k8tre.keycloak-client";

  @Override
  @SuppressWarnings("unchecked") // the repository contract is generic in the client type
  public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
      String registrationId, Authentication principal, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(ATTRIBUTE) instanceof OAuth2AuthorizedClient client)
        || !client.getClientRegistration().getRegistrationId().equals(registrationId)) {
      return null;
    }
    return (T) client;
  }

  @Override
  public void saveAuthorizedClient(
      OAuth2AuthorizedClient client,
      Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    request.getSession().setAttribute(ATTRIBUTE, client);
  }

  @Override
  public void removeAuthorizedClient(
      String registrationId,
      Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }
}
