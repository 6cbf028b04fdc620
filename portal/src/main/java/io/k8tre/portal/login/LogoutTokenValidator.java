package io.k8tre.portal.login;

import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The rules of an OpenID Connect back-channel logout token beyond its signature (Back-Channel
 * Logout 1.0, section 2.6): audience is this client, the logout event is present, a session id
 * names what to end, and there is no {@code nonce} (which would make it an ID token).
 */
class LogoutTokenValidator implements OAuth2TokenValidator<Jwt> {

  static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private final String clientId;

  LogoutTokenValidator(String clientId) {
    this.clientId = clientId;
  }

  /**
   * Accepted {@code typ} headers: the specification's {@code logout+jwt}, plain {@code JWT} and
   * Keycloak's older {@code Logout}. Anything else (an access or ID token) is not a logout token.
   */
  static final Set<String> TYPES = Set.of("logout+jwt", "JWT", "Logout");

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    Object type = token.getHeaders().get("typ");
    if (type != null && !TYPES.contains(type.toString())) {
      return failure("logout_token.type");
    }
    if (token.getAudience() == null || !token.getAudience().contains(clientId)) {
      return failure("logout_token.audience");
    }
    Map<String, Object> events = token.getClaimAsMap("events");
    if (events == null || !events.containsKey(EVENT)) {
      return failure("logout_token.events");
    }
    if (token.getClaimAsString("sid") == null) {
      return failure("logout_token.sid");
    }
    if (token.hasClaim("nonce")) {
      return failure("logout_token.nonce");
    }
    if (token.getIssuedAt() == null) {
      return failure("logout_token.iat");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult failure(String code) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_request", code, null));
  }
}
