package io.k8tre.portal.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * The identity an allowed request carries to the app, as response headers nginx copies onto the
 * proxied request. Values are ASCII identifiers (Kubernetes names); the e-mail is sent only when it
 * is a plain address, so no header ever carries a control character, a comma or a quote.
 */
final class IdentityHeaders {

  private static final Pattern PLAIN_EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}");

  private final HeaderSigner signer;

  IdentityHeaders(HeaderSigner signer) {
    this.signer = signer;
  }

  void write(
      GatewayAnswer answer, GatewayRequest request, long stamp, HttpServletResponse response) {
    ProjectToken token = answer.token();
    String user = token.username();
    String project = token.project();
    String audience = answer.audience();
    String email = PLAIN_EMAIL.matcher(token.email()).matches() ? token.email() : "";

    response.setHeader("X-Auth-User", user);
    response.setHeader("Remote-User", user);
    response.setHeader("X-Auth-Email", email);
    response.setHeader("X-Auth-Project", project);
    response.setHeader("X-Auth-Audience", audience);
    response.setHeader("X-Auth-Stamp", Long.toString(stamp));
    response.setHeader("X-Auth-Signature", signer.sign(user, project, audience, stamp));
    String bearer =
        answer.renewedToken() != null
            ? answer.renewedToken()
            : request.tokens().getOrDefault(project, request.bearer());
    if (bearer != null) {
      response.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
    }
  }
}
