package io.k8tre.portal.session;

import io.k8tre.portal.config.PortalProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: an opaque id, host-only (no Domain attribute, so app hosts never see it),
 * HttpOnly, SameSite=Lax, and Secure behind HTTPS. Spring Security gives it a new id at login.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  @Bean
  CookieSerializer sessionCookie(PortalProperties settings) {
    PortalProperties.Session session = settings.session();
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName(session.cookieName());
    cookie.setCookiePath("/");
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    // Spring Session's own default cookie is Base64-encoded; a plain id is easier to audit.
    cookie.setUseBase64Encoding(false);
    // Behind TLS-terminating proxies the request itself looks like plain HTTP, so the public URL
    // decides unless the setting says otherwise.
    cookie.setUseSecureCookie(
        session.secureCookie() != null
            ? session.secureCookie()
            : "https".equals(settings.publicUrl().getScheme()));
    return cookie;
  }
}
