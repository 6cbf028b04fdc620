package io.k8tre.portal.login;

import io.k8tre.portal.config.PortalProperties;
import java.net.URI;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
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
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  @Bean
  SecurityFilterChain portalSecurity(
      HttpSecurity http, KeycloakRegistrations registrations, PortalProperties settings)
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
                    .successHandler(new LoginSuccessHandler())
                    .failureHandler(new LoginFailureHandler()))
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .logoutSuccessHandler(new KeycloakLogoutHandler(registrations, settings))
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies(settings.session().cookieName()))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new PortalEntryPoint()))
        .sessionManagement(
            sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(contentSecurityPolicy(settings)))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
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
