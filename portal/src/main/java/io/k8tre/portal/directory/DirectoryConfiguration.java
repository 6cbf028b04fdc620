package io.k8tre.portal.directory;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Wires the directory to the source chosen by {@code portal.directory.source}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

  /**
   * One client for the features that talk to the cluster (the folder source runs without one): the
   * directory's informers and the desktops. Configured the usual fabric8 way (in-cluster account,
   * kubeconfig, or the {@code kubernetes.master} system property in tests).
   */
  @Bean
  @Conditional(ClusterNeeded.class)
  KubernetesClient kubernetesClient() {
    return new KubernetesClientBuilder().build();
  }

  /** The directory reads the cluster, or desktops are on. */
  static class ClusterNeeded extends AnyNestedCondition {

    ClusterNeeded() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(name = "portal.directory.source", havingValue = "KUBERNETES")
    static class DirectoryInCluster {}

    @ConditionalOnProperty(name = "portal.vdi.enabled", havingValue = "true")
    static class DesktopsEnabled {}
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
