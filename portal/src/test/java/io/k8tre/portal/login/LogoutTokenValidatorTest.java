package io.k8tre.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Back-Channel Logout 1.0 section 2.6: what makes a logout token acceptable. */
class LogoutTokenValidatorTest {

  private final LogoutTokenValidator validator = new LogoutTokenValidator("backend");

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .audience(java.util.List.of("backend"))
        .issuedAt(Instant.now())
        .claim("sid", "kc-session-1")
        .claim("events", Map.of(LogoutTokenValidator.EVENT, Map.of()));
  }

  @Test
  void validateWhenWellFormedThenAccepted() {
    assertThat(validator.validate(token().build()).hasErrors()).isFalse();
  }

  @Test
  void validateWhenForAnotherClientThenRefused() {
    assertThat(
            validator
                .validate(token().audience(java.util.List.of("jupyterhub")).build())
                .hasErrors())
        .isTrue();
  }

  @Test
  void validateWhenEventMissingThenRefused() {
    assertThat(
            validator
                .validate(token().claim("events", Map.of("other", Map.of())).build())
                .hasErrors())
        .isTrue();
  }

  @Test
  void validateWhenTypedAsAnotherKindOfTokenThenRefused() {
    assertThat(validator.validate(token().header("typ", "ID").build()).hasErrors()).isTrue();
    assertThat(validator.validate(token().header("typ", "logout+jwt").build()).hasErrors())
        .isFalse();
  }

  @Test
  void validateWhenNonceThenRefusedAsAnIdToken() {
    assertThat(validator.validate(token().claim("nonce", "n").build()).hasErrors()).isTrue();
  }

  @Test
  void validateWhenNoSessionIdThenRefused() {
    assertThat(validator.validate(token().claims(c -> c.remove("sid")).build()).hasErrors())
        .isTrue();
  }
}
