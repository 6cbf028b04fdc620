package io.k8tre.portal.gateway;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/** Builds the app-domain cookies with this deployment's domain, lifetime and Secure flag. */
public final class AuthCookieWriter {

  private final String domain;
  private final Duration lifetime;
  private final boolean secure;

  public AuthCookieWriter(String domain, Duration lifetime, boolean secure) {
    this.domain = domain;
    this.lifetime = lifetime;
    this.secure = secure;
  }

  public ResponseCookie token(String project, String token) {
    return AuthCookies.token(project, token, domain, lifetime, secure);
  }

  public ResponseCookie current(String project) {
    return AuthCookies.current(project, domain, secure);
  }

  public ResponseCookie expired(String name) {
    return AuthCookies.expired(name, domain, secure);
  }
}
