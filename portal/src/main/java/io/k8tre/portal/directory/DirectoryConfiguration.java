package io.k8tre.portal.directory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the directory to the source chosen by {@code portal.directory.source}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

  /** Only a cluster-backed directory needs a client; the folder source must run without one. */
  @Bean
  @ConditionalOnProperty(name = "portal.directory.source", havingValue = "KUBERNETES")
  KubernetesClient kubernetesClient() {
    return new KubernetesClientBuilder().build();
  }

  @Bean
  SnapshotDirectory directory(
      DirectoryProperties properties,
      ObjectProvider<KubernetesClient> kubernetesClient,
      ObjectProvider<SnapshotListener> listeners) {
    List<SnapshotListener> all = listeners.orderedStream().toList();
    return switch (properties.source()) {
      case FOLDER -> new SnapshotDirectory(new FolderDirectorySource(properties), "folder", all);
      case KUBERNETES ->
          new SnapshotDirectory(
              new KubernetesDirectorySource(kubernetesClient.getObject(), properties),
              "kubernetes",
              all);
    };
  }
}
