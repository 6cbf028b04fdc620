package io.k8tre.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Text in headers: a username becomes an identity header only when it is a Kubernetes object name
 * (ASCII, no separators), since that is what a User resource can be called. Anything else is no
 * username at all — never passed on, never half-encoded.
 */
class PortalUserTest {

  private static OAuth2AuthenticationToken signedIn(String username) {
    OidcIdToken token =
        new OidcIdToken(
            "t",
            Instant.now(),
            Instant.now().plusSeconds(60),
            Map.of("sub", "s", "preferred_username", username));
    return new OAuth2AuthenticationToken(
        new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), token),
        List.of(),
        "keycloak");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zo\u00eb.test",
        "\u7814\u7a76\u8005",
        "user\ud83d\ude00",
        "a,b",
        "a;b",
        "a\"b",
        "a\r\nX-Auth-User: admin",
        "a b",
        "UPPER",
        "-leading",
        "trailing-",
        ""
      })
  void ofWhenNameIsNotAResourceNameThenNobody(String username) {
    assertThat(PortalUser.of(signedIn(username))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"trevolution", "k8tre-user", "a.b-c", "x"})
  void ofWhenNameIsAResourceNameThenThatName(String username) {
    assertThat(PortalUser.of(signedIn(username)))
        .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo(username));
  }
}
