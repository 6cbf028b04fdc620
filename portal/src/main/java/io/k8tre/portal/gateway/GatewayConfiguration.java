package io.k8tre.portal.gateway;

import io.k8tre.portal.audit.AuditLog;
import io.k8tre.portal.config.PortalProperties;
import io.k8tre.portal.config.SecretValue;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.login.KeycloakRegistrations;
import io.k8tre.portal.session.PortalSessions;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the gateway: keys, tokens, the decision, and the refresh path to Keycloak. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@DependsOn("checkedSettings")
class GatewayConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

  /** A refresh confirmed this recently is reused by other requests and replicas. */
  static final Duration REUSE_CONFIRMATION = Duration.ofSeconds(60);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SigningKeys signingKeys(GatewayProperties gateway) {
    if (gateway.signingKeysFile() != null) {
      return SigningKeys.load(gateway.signingKeysFile());
    }
    log.warn("No portal.gateway.signing-keys-file: using a key made for this process (demo only)");
    return SigningKeys.generate();
  }

  @Bean
  ProjectTokens projectTokens(
      SigningKeys keys, GatewayProperties gateway, PortalProperties portal, Clock clock) {
    return new ProjectTokens(
        keys, portal.publicUrl().toString(), gateway.tokenLifetime(), gateway.clockSkew(), clock);
  }

  @Bean
  HeaderSigner headerSigner(GatewayProperties gateway) {
    return new HeaderSigner(
        SecretValue.resolve(gateway.headerSecret(), gateway.headerSecretFile())
            .orElseGet(
                () -> {
                  log.warn("No portal.gateway.header-secret-file: using a random one (demo only)");
                  byte[] random = new byte[32];
                  new SecureRandom().nextBytes(random);
                  return HexFormat.of().formatHex(random);
                }));
  }

  @Bean
  OriginalRequests originalRequests(GatewayProperties gateway) {
    return new OriginalRequests(new TrustedProxies(gateway.trustedProxies()));
  }

  @Bean
  IdentityHeaders identityHeaders(HeaderSigner signer) {
    return new IdentityHeaders(signer);
  }

  @Bean
  AuthCookieWriter authCookieWriter(PortalProperties portal, GatewayProperties gateway) {
    boolean secure = "https".equals(portal.publicUrl().getScheme());
    return new AuthCookieWriter(portal.domain(), gateway.tokenLifetime(), secure);
  }

  @Bean
  RefreshLock refreshLock(
      PortalProperties portal,
      ObjectProvider<JdbcTemplate> jdbc,
      ObjectProvider<TransactionTemplate> transactions,
      Clock clock) {
    if (portal.session().store() == PortalProperties.Store.JDBC) {
      return new JdbcRefreshLock(
          jdbc.getObject(), transactions.getObject(), REUSE_CONFIRMATION, clock);
    }
    return new MemoryRefreshLock(REUSE_CONFIRMATION, clock);
  }

  @Bean
  SessionRefresher sessionRefresher(
      PortalSessions sessions,
      SessionRepository<? extends Session> httpSessions,
      KeycloakRegistrations registrations,
      RefreshLock lock,
      MeterRegistry meters) {
    return new KeycloakSessionRefresher(
        sessions, httpSessions, registrations, refreshTokenClient(), lock, meters);
  }

  @Bean
  Gateway gateway(
      ProjectTokens tokens,
      Directory directory,
      GatewayProperties gateway,
      PortalSessions sessions,
      SessionRefresher refresher,
      Clock clock,
      AuditLog audit) {
    return new Gateway(
        tokens,
        directory,
        gateway.maxDirectoryStaleness(),
        sessions,
        refresher,
        gateway.refreshWindow(),
        clock,
        audit);
  }

  /** Keycloak's token endpoint with timeouts, so a hung Keycloak cannot hold requests. */
  private static OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>
      refreshTokenClient() {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    factory.setReadTimeout(Duration.ofSeconds(5));
    RestClientRefreshTokenTokenResponseClient client =
        new RestClientRefreshTokenTokenResponseClient();
    client.setRestClient(
        org.springframework.web.client.RestClient.builder()
            .requestFactory(factory)
            .configureMessageConverters(
                converters ->
                    converters
                        .addCustomConverter(
                            new org.springframework.http.converter.FormHttpMessageConverter())
                        .addCustomConverter(
                            new org.springframework.security.oauth2.core.http.converter
                                .OAuth2AccessTokenResponseHttpMessageConverter()))
            .defaultStatusHandler(
                new org.springframework.security.oauth2.client.http
                    .OAuth2ErrorResponseErrorHandler())
            .build());
    return client;
  }
}
