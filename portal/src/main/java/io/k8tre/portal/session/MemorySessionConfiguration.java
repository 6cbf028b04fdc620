package io.k8tre.portal.session;

import io.k8tre.portal.config.PortalProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Sessions in this process's memory: for the embedded demo and single-replica trials only, since
 * another replica cannot see them and a restart logs everyone out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.session.store", havingValue = "memory")
@EnableSpringHttpSession
class MemorySessionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MemorySessionConfiguration.class);

  private final Map<String, org.springframework.session.Session> sessions =
      new ConcurrentHashMap<>();

  @Bean
  MapSessionRepository sessionRepository(PortalProperties settings) {
    log.warn(
        "Sessions are kept in memory: use portal.session.store=jdbc with more than one replica");
    MapSessionRepository repository = new MapSessionRepository(sessions);
    repository.setDefaultMaxInactiveInterval(settings.session().timeout());
    return repository;
  }

  /** MapSessionRepository drops an expired session only when it is read; sweep the rest. */
  @Scheduled(fixedDelayString = "PT1M")
  void removeExpired() {
    sessions.values().removeIf(s -> s instanceof MapSession m && m.isExpired());
  }
}
