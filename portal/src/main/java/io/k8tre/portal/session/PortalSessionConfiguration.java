package io.k8tre.portal.session;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chooses where the registry of portal logins lives, following {@code portal.session.store}. */
@Configuration(proxyBeanMethods = false)
class PortalSessionConfiguration {

  @Bean
  @ConditionalOnProperty(name = "portal.session.store", havingValue = "memory")
  PortalSessions memoryPortalSessions() {
    return new MemoryPortalSessions(Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(name = "portal.session.store", havingValue = "jdbc", matchIfMissing = true)
  PortalSessions jdbcPortalSessions(JdbcTemplate jdbc) {
    return new JdbcPortalSessions(jdbc, Clock.systemUTC());
  }
}
