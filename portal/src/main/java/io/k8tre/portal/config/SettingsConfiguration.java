package io.k8tre.portal.config;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds and checks the portal's settings before anything else uses them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class SettingsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SettingsConfiguration.class);

  @Bean
  CheckedSettings checkedSettings(PortalProperties settings, List<SettingsRule> rules) {
    List<String> problems = new ArrayList<>(SettingsCheck.problems(settings));
    rules.forEach(rule -> rule.check(settings, problems));
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    if (settings.mode() == PortalProperties.Mode.DEMO) {
      log.warn(
          "Demo mode: published demo secrets are accepted; never use this mode with real data");
    }
    return new CheckedSettings(settings);
  }

  /** Marker bean: other configuration depends on it so the check runs first. */
  record CheckedSettings(PortalProperties settings) {}
}
