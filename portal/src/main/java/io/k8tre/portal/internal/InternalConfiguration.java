package io.k8tre.portal.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the internal API. Without a Kubernetes client (the folder-backed demo) there is no one to
 * review tokens, so every call is a 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InternalProperties.class)
class InternalConfiguration {

  @Bean
  InternalCaller internalCaller(
      ObjectProvider<KubernetesClient> client, InternalProperties settings) {
    TokenReviewer reviewer =
        Optional.ofNullable(client.getIfAvailable())
            .<TokenReviewer>map(c -> new KubernetesTokenReviewer(c, settings.audiences()))
            .orElse(
                token -> {
                  throw new IllegalStateException("no Kubernetes API server configured");
                });
    return new InternalCaller(reviewer, settings);
  }
}
