package io.k8tre.portal.login;

import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.session.PortalSessions;
import io.k8tre.portal.session.SessionAuthorizedClients;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The portal's one security filter chain: OpenID Connect login against Keycloak (authorization code
 * with PKCE; state and nonce kept in the server-side session, so they are bound to the browser that
 * started the login and used once), RP-initiated logout, and the answers for people who are not
 * logged in.
 */
@Configuration(proxyBeanMethods = false)
@DependsOn("checkedSettings")
class SecurityConfiguration {

  static final String AUTHORIZATION_BASE = "/oauth2/authorization";

  @Bean
  KeycloakRegistrations keycloakRegistrations(PortalProperties settings) {
    return new KeycloakRegistrations(settings, Clock.systemUTC());
  }

  /** Keycloak's tokens live in the server-side session, never in a cookie. */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new SessionAuthorizedClients();
  }

  /**
   * Actuator endpoints (health, Prometheus). In production they are served only on the management
   * port, which the Service does not expose publicly; probes and the scraper call it without a
   * login.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(
            management -> management.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable());
    return http.build();
  }

  /**
   * The gateway's endpoints: nginx calls them on every request, with no portal session and no CSRF
   * token; they answer from their own checks, so the chain here is kept minimal and stateless.
   */
  @Bean
  @Order(1)
  SecurityFilterChain gatewaySecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(
            "/auth/validate",
            "/.well-known/jwks.json",
            "/internal/**",
            BackChannelLogoutController.PATH)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain portalSecurity(
      HttpSecurity http,
      KeycloakRegistrations registrations,
      PortalProperties settings,
      PortalSessions sessions,
      Audits audits)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver resolver =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/",
                        "/login",
                        "/login/failed",
                        "/logout",
                        "/logged-out",
                        "/health",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/css/**",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            login ->
                login
                    .loginPage("/login")
                    .authorizationEndpoint(
                        endpoint -> endpoint.authorizationRequestResolver(resolver))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/auth/callback"))
                    .successHandler(new LoginSuccessHandler(sessions, audits))
                    .failureHandler(new LoginFailureHandler(audits)))
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .addLogoutHandler(new PortalSessionLogoutHandler(sessions, settings, audits))
                    .logoutSuccessHandler(new KeycloakLogoutHandler(registrations, settings))
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies(settings.session().cookieName()))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new PortalEntryPoint()))
        .sessionManagement(
            management -> management.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(contentSecurityPolicy(settings)))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    // TLS ends at the Gateway, so the request looks like HTTP here: send HSTS
                    // whenever the portal's public address is https.
                    .addHeaderWriter(
                        (request, response) -> {
                          if ("https".equals(settings.publicUrl().getScheme())) {
                            response.setHeader(
                                "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                          }
                        })
                    .frameOptions(frames -> frames.deny()));
    return http.build();
  }

  /**
   * Only the portal's own scripts and styles; forms may post to the portal and to Keycloak, because
   * Chromium applies {@code form-action} to the redirect that follows the logout form.
   */
  static String contentSecurityPolicy(PortalProperties settings) {
    URI issuer = settings.oidc().issuerUri();
    String keycloakOrigin =
        issuer.getScheme()
            + "://"
            + issuer.getHost()
            + (issuer.getPort() > 0 ? ":" + issuer.getPort() : "");
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
        + keycloakOrigin;
  }
}
