package io.k8tre.cli.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Every (namespace, Secret, key) that a rendered object makes a pod or an operator read. */
final class SecretReferences {

  /** {@code key} is null when the whole Secret is read (envFrom). */
  record Reference(String from, String namespace, String secret, String key) {}

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");

  private SecretReferences() {}

  static List<Reference> of(JsonNode object) {
    String kind = object.path("kind").asString();
    String ns = object.at("/metadata/namespace").asString("");
    String from = Rendered.id(object);
    List<Reference> refs = new ArrayList<>();
    if (WORKLOADS.contains(kind)) {
      JsonNode pod = kind.equals("Pod") ? object.path("spec") : object.at("/spec/template/spec");
      fromPod(pod, from, ns, refs);
    }
    switch (kind) {
      case "Cluster" -> {
        // CloudNativePG reads the owner's credentials at initdb.
        String name = object.at("/spec/bootstrap/initdb/secret/name").asString("");
        if (!name.isEmpty()) {
          refs.add(new Reference(from, ns, name, "username"));
          refs.add(new Reference(from, ns, name, "password"));
        }
      }
      case "Keycloak" -> {
        for (String field : List.of("usernameSecret", "passwordSecret")) {
          JsonNode ref = object.at("/spec/db/" + field);
          refs.add(
              new Reference(from, ns, ref.path("name").asString(), ref.path("key").asString()));
        }
        String admin = object.at("/spec/bootstrapAdmin/user/secret").asString("");
        refs.add(new Reference(from, ns, admin, "username"));
        refs.add(new Reference(from, ns, admin, "password"));
      }
      case "KeycloakRealmImport" -> {
        for (Map.Entry<String, JsonNode> p : object.at("/spec/placeholders").properties()) {
          JsonNode ref = p.getValue().path("secret");
          refs.add(
              new Reference(from, ns, ref.path("name").asString(), ref.path("key").asString()));
        }
      }
      default -> {}
    }
    return refs;
  }

  private static void fromPod(JsonNode pod, String from, String ns, List<Reference> refs) {
    List<JsonNode> containers = new ArrayList<>();
    pod.path("containers").forEach(containers::add);
    pod.path("initContainers").forEach(containers::add);
    for (JsonNode c : containers) {
      for (JsonNode env : c.path("env")) {
        JsonNode ref = env.at("/valueFrom/secretKeyRef");
        if (!ref.isMissingNode()) {
          refs.add(
              new Reference(from, ns, ref.path("name").asString(), ref.path("key").asString()));
        }
      }
      for (JsonNode envFrom : c.path("envFrom")) {
        if (envFrom.has("secretRef")) {
          refs.add(new Reference(from, ns, envFrom.at("/secretRef/name").asString(), null));
        }
      }
    }
    for (JsonNode volume : pod.path("volumes")) {
      JsonNode secret = volume.path("secret");
      if (secret.isMissingNode()) {
        continue;
      }
      String name = secret.path("secretName").asString();
      if (!secret.has("items")) {
        refs.add(new Reference(from, ns, name, null));
      }
      secret
          .path("items")
          .forEach(i -> refs.add(new Reference(from, ns, name, i.path("key").asString())));
    }
  }
}
