package io.k8tre.portal.gateway;

import io.k8tre.portal.directory.ProjectApp;

/**
 * The gateway's verdict for one request: 200 with the identity to pass on, 401 (no usable token:
 * nginx sends the browser to login) or 403 (known but not allowed).
 *
 * @param status 200, 401 or 403
 * @param reason a stable, machine-readable reason code
 * @param token the verified token (allow, and 403s after verification), else null
 * @param app the app the request is for, when known
 * @param audience the audience the identity headers are signed for
 * @param renewedToken a new project token to set as a cookie, or null
 */
public record GatewayAnswer(
    int status,
    String reason,
    ProjectToken token,
    ProjectApp app,
    String audience,
    String renewedToken) {

  static GatewayAnswer unauthenticated(String reason) {
    return new GatewayAnswer(401, reason, null, null, null, null);
  }

  static GatewayAnswer forbidden(String reason, ProjectToken token) {
    return new GatewayAnswer(403, reason, token, null, null, null);
  }

  public boolean allowed() {
    return status == 200;
  }

  public String decision() {
    return allowed() ? "allow" : "deny";
  }
}
