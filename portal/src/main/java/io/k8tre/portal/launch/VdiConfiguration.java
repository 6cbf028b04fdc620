package io.k8tre.portal.launch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.k8tre.portal.audit.AuditLog;
import io.k8tre.portal.directory.DirectoryProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Desktops exist only with {@code portal.vdi.enabled=true}: they need a cluster. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({VdiProperties.class, GuacamoleProperties.class})
class VdiConfiguration {

  @Bean
  @ConditionalOnProperty(name = "portal.vdi.enabled", havingValue = "true")
  DesktopLauncher desktopLauncher(
      KubernetesClient client,
      DirectoryProperties directory,
      VdiProperties vdi,
      GuacamoleProperties guacamole,
      AuditLog audit) {
    return new DesktopLauncher(
        new KubernetesDesktops(client, directory, vdi.k8treOperatorCompatibility()),
        new GuacamoleClient(guacamole.timeout()),
        guacamole,
        Clock.systemUTC(),
        audit);
  }

  @Bean
  @ConditionalOnProperty(name = "portal.vdi.enabled", havingValue = "true")
  DesktopWatch desktopWatch(
      KubernetesClient client, DirectoryProperties directory, AuditLog audit, Clock clock) {
    return new DesktopWatch(client, KubernetesDesktops.context(directory), audit, clock);
  }
}
