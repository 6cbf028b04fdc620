package io.k8tre.portal.launch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.k8tre.api.K8treResources;
import io.k8tre.api.VDIConventions;
import io.k8tre.portal.directory.DirectoryProperties;
import io.k8tre.portal.directory.ProjectApp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's reads and writes of VDIInstances (and, to connect, the credentials Secret). Read as
 * generic resources so the API group follows {@code portal.directory.vdi-group}.
 */
class KubernetesDesktops {

  /** App config keys copied to {@code spec.settings}: display settings, never credentials. */
  static final Set<String> SETTING_KEYS = Set.of("resolution", "desktop", "color-depth");

  private final KubernetesClient client;
  private final ResourceDefinitionContext vdi;
  private final boolean compatibility;

  KubernetesDesktops(
      KubernetesClient client, DirectoryProperties directory, boolean compatibility) {
    this.client = client;
    this.compatibility = compatibility;
    this.vdi = context(directory);
  }

  /** VDIInstances in the API group and version the settings name. */
  static ResourceDefinitionContext context(DirectoryProperties directory) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(directory.vdiGroup())
        .withVersion(directory.version())
        .withKind(K8treResources.VDI_INSTANCE_KIND)
        .withPlural(K8treResources.VDI_INSTANCE_PLURAL)
        .withNamespaced(true)
        .build();
  }

  static String namespaceOf(String project) {
    return "project-" + project;
  }

  /** The person's desktop, and whether this call created it. */
  record Ensured(Desktop desktop, boolean created) {}

  /** Creates the person's desktop unless it exists; either way returns it. */
  Ensured ensure(String user, String project, ProjectApp app) {
    String name = DesktopNames.of(user, project);
    GenericKubernetesResource desired = desired(name, user, project, app);
    try {
      return new Ensured(view(resources(project).resource(desired).create()), true);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return new Ensured(find(project, name).orElseThrow(() -> e), false);
    }
  }

  Optional<Desktop> find(String project, String name) {
    return Optional.ofNullable(resources(project).withName(name).get()).map(this::view);
  }

  /** The person's desktops in every project, by label, then by the exact user name. */
  List<Desktop> ownedBy(String user) {
    return client
        .genericKubernetesResources(vdi)
        .inAnyNamespace()
        .withLabel(VDIConventions.OWNER_LABEL, DesktopNames.ownerLabel(user))
        .list()
        .getItems()
        .stream()
        .map(this::view)
        .filter(d -> user.equals(d.owner()))
        .toList();
  }

  void delete(String project, String name) {
    resources(project).withName(name).delete();
  }

  /** Sets the last-activity annotation the operator's idle timeout counts from. */
  void recordActivity(String project, String name, Instant when) {
    String patch =
        "{\"metadata\":{\"annotations\":{\""
            + VDIConventions.LAST_ACTIVITY_ANNOTATION
            + "\":\""
            + when
            + "\"}}}";
    resources(project).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  /** How Guacamole reaches and logs in to a ready desktop. */
  Optional<RdpCredentials> credentials(String project, String name) {
    GenericKubernetesResource resource = resources(project).withName(name).get();
    if (resource == null) {
      return Optional.empty();
    }
    Map<String, Object> status = map(resource.getAdditionalProperties().get("status"));
    Map<String, Object> spec = map(resource.getAdditionalProperties().get("spec"));
    if (compatibility) {
      // Contracts 4.2-4.4: the original operator keeps the password in the status and names
      // the Service after user and project.
      String password = text(status.get("password"));
      if (password == null) {
        return Optional.empty();
      }
      String host =
          ("vdi-" + text(spec.get("user")) + "-" + project + "." + namespaceOf(project))
                  .toLowerCase(Locale.ROOT)
              + ".svc.cluster.local";
      String user = Optional.ofNullable(text(status.get("linuxUser"))).orElse("ubuntu");
      return Optional.of(new RdpCredentials(host, user, password));
    }
    String secretName = text(status.get("secretName"));
    String host = text(status.get("serviceHost"));
    if (secretName == null || host == null) {
      return Optional.empty();
    }
    Secret secret = client.secrets().inNamespace(namespaceOf(project)).withName(secretName).get();
    if (secret == null) {
      return Optional.empty();
    }
    String user = secretValue(secret, VDIConventions.SECRET_USERNAME_KEY);
    String password = secretValue(secret, VDIConventions.SECRET_PASSWORD_KEY);
    if (user == null || password == null) {
      return Optional.empty();
    }
    return Optional.of(new RdpCredentials(host, user, password));
  }

  Desktop view(GenericKubernetesResource resource) {
    Map<String, Object> spec = map(resource.getAdditionalProperties().get("spec"));
    Map<String, Object> status = map(resource.getAdditionalProperties().get("status"));
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String phase = text(status.get("phase"));
    Desktop.State state =
        resource.getMetadata().getDeletionTimestamp() != null
            ? Desktop.State.TERMINATING
            : compatibility ? compatibleState(phase, status) : nativeState(phase, status);
    return new Desktop(
        resource.getMetadata().getName(),
        text(spec.get("project")),
        text(spec.get("user")),
        annotations == null ? null : annotations.get(VDIConventions.APP_ANNOTATION),
        state,
        phase,
        readyMessage(status));
  }

  private static Desktop.State nativeState(String phase, Map<String, Object> status) {
    if (phase == null) {
      return Desktop.State.REQUESTED;
    }
    return switch (phase) {
      case "Ready" ->
          status.get("secretName") != null && status.get("serviceHost") != null
              ? Desktop.State.READY
              : Desktop.State.PROVISIONING;
      case "Failed" -> Desktop.State.FAILED;
      case "Terminating" -> Desktop.State.TERMINATING;
      default -> Desktop.State.PROVISIONING;
    };
  }

  private static Desktop.State compatibleState(String phase, Map<String, Object> status) {
    if (phase == null) {
      return Desktop.State.REQUESTED;
    }
    return switch (phase) {
      case "Running", "Ready" ->
          text(status.get("password")) != null ? Desktop.State.READY : Desktop.State.PROVISIONING;
      case "Failed" -> Desktop.State.FAILED;
      case "Terminated", "Terminating" -> Desktop.State.TERMINATING;
      default -> Desktop.State.PROVISIONING;
    };
  }

  private GenericKubernetesResource desired(
      String name, String user, String project, ProjectApp app) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("user", user);
    spec.put("project", project);
    String image = app.config().get("image");
    if (image != null && !image.isBlank()) {
      spec.put("image", image);
    }
    spec.put("connection", app.config().getOrDefault("protocol", "rdp"));
    Map<String, String> settings = new LinkedHashMap<>();
    app.config()
        .forEach(
            (k, v) -> {
              if (SETTING_KEYS.contains(k)) {
                settings.put(k, v);
              }
            });
    if (!settings.isEmpty()) {
      spec.put("settings", settings);
    }
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(vdi.getGroup() + "/" + vdi.getVersion())
        .withKind(K8treResources.VDI_INSTANCE_KIND)
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespaceOf(project))
        .addToLabels(VDIConventions.OWNER_LABEL, DesktopNames.ownerLabel(user))
        .addToLabels(VDIConventions.PROJECT_LABEL, project)
        .addToLabels("app.kubernetes.io/created-by", "k8tre-portal")
        .addToAnnotations(VDIConventions.APP_ANNOTATION, app.name())
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      resources(String project) {
    return client.genericKubernetesResources(vdi).inNamespace(namespaceOf(project));
  }

  private static String readyMessage(Map<String, Object> status) {
    if (!(status.get("conditions") instanceof List<?> conditions)) {
      return null;
    }
    return conditions.stream()
        .map(KubernetesDesktops::map)
        .filter(c -> "Ready".equals(c.get("type")))
        .map(c -> text(c.get("message")))
        .findFirst()
        .orElse(null);
  }

  @SuppressWarnings("unchecked") // JSON objects of a generic resource are string-keyed maps
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** {@code data} as the API server returns it; {@code stringData} as written, before it does. */
  private static String secretValue(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return decode(secret.getData().get(key));
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(key);
  }

  private static String decode(String base64) {
    return base64 == null
        ? null
        : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
