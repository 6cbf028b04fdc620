package io.k8tre.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.List;

/** Entry point: wires the real cluster and environment, then exits with the command's code. */
public final class K8tre {

  private K8tre() {}

  public static void main(String[] args) {
    List<KubernetesClient> opened = new ArrayList<>();
    int code;
    try {
      code =
          K8treCommand.commandLine(
                  context -> {
                    KubernetesClient client =
                        new KubernetesClientBuilder()
                            .withConfig(Config.autoConfigure(context))
                            .build();
                    opened.add(client);
                    return client;
                  },
                  System::getenv)
              .execute(args);
    } finally {
      opened.forEach(KubernetesClient::close);
    }
    System.exit(code);
  }
}
