package io.k8tre.cli.secrets;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Opens a client for a kubeconfig context; the caller of the command owns and closes it. */
@FunctionalInterface
public interface ClusterConnector {

  /**
   * @param context a kubeconfig context name, or null for the current one
   */
  KubernetesClient connect(String context);
}
