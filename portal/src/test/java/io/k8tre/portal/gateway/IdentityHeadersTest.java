package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.directory.ProjectApp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** Identity headers stay ASCII, free of separators, and small whatever the person's data. */
class IdentityHeadersTest {

  private final IdentityHeaders headers =
      new IdentityHeaders(new HeaderSigner("secret-0123456789abcdef0123456789"));

  private static GatewayAnswer allowed(String user, String project, String email) {
    ProjectToken token =
        new ProjectToken(
            "sub", user, email, project, "sid", Instant.now(), Instant.now().plusSeconds(600));
    return new GatewayAnswer(
        200,
        "access.member",
        token,
        new ProjectApp("jupyterhub", "jupyterhub", "https://jupyter.tre.example/hub", Map.of()),
        "jupyterhub",
        null);
  }

  @Test
  void writeWhenEmailHoldsSeparatorsOrControlCharactersThenEmailIsLeftEmpty() {
    for (String email :
        new String[] {
          "\"a,b\"@tre.example",
          "a@tre.example\r\nX-Auth-User: admin",
          "zo\u00eb@tre.example",
          "a;b@tre.example"
        }) {
      MockHttpServletResponse response = new MockHttpServletResponse();

      headers.write(
          allowed("trevolution", "asthma", email),
          new GatewayRequest(null, null, null, Map.of(), null, null, false),
          1L,
          response);

      assertThat(response.getHeader("X-Auth-Email")).as(email).isEmpty();
      assertThat(response.getHeader("X-Auth-User")).isEqualTo("trevolution");
    }
  }

  @Test
  void writeWhenNamesAreAsLongAsKubernetesAllowsThenEveryHeaderAndTheCookieStayUnder4K() {
    String user = "u".repeat(253);
    String project = "p".repeat(253);
    ProjectTokens tokens =
        new ProjectTokens(
            SigningKeys.generate(),
            "https://portal.tre.example",
            java.time.Duration.ofMinutes(10),
            java.time.Duration.ofSeconds(30),
            java.time.Clock.systemUTC());
    String token =
        tokens.mint(
            "0123456789abcdef0123456789abcdef01234567",
            user,
            "e".repeat(64) + "@" + "d".repeat(180) + ".example",
            project,
            "s".repeat(22));
    MockHttpServletResponse response = new MockHttpServletResponse();

    headers.write(
        allowed(user, project, "a@tre.example"),
        new GatewayRequest(null, null, null, Map.of(project, token), project, null, false),
        1L,
        response);
    String cookie =
        AuthCookies.token(project, token, "tre.example", java.time.Duration.ofMinutes(10), true)
            .toString();

    assertThat(cookie.length()).isLessThan(4000);
    for (String name : response.getHeaderNames()) {
      assertThat(response.getHeader(name).length()).as(name).isLessThan(4096);
      assertThat(response.getHeader(name)).as(name).matches("[\\x20-\\x7e]*");
    }
  }
}
