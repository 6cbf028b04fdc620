package io.k8tre.portal.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one manifest, read as plain maps, into a directory object.
 *
 * <p>Both sources go through here so a file and a cluster accept exactly the same input. The API
 * groups come from settings, not from the annotated model classes, because deployments of the
 * karectl flavour serve the same kinds under other groups. {@code User.spec.password} is never
 * read.
 */
final class ManifestConverter {

  private final String identityApiVersion;
  private final String researchApiVersion;

  ManifestConverter(DirectoryProperties properties) {
    this.identityApiVersion = properties.identityGroup() + "/" + properties.version();
    this.researchApiVersion = properties.researchGroup() + "/" + properties.version();
  }

  /** Returns a {@link DirectoryUser}, {@link DirectoryGroup} or {@link DirectoryProject}. */
  Record convert(Map<?, ?> manifest) throws InvalidManifestException {
    String kind = text(manifest.get("kind"));
    String apiVersion = text(manifest.get("apiVersion"));
    String name = manifest.get("metadata") instanceof Map<?, ?> m ? text(m.get("name")) : null;
    String object = (kind == null ? "?" : kind) + "/" + (name == null ? "?" : name);
    if (name == null || name.isBlank()) {
      throw new InvalidManifestException(object, "metadata.name is missing");
    }
    Map<?, ?> spec = manifest.get("spec") instanceof Map<?, ?> s ? s : Map.of();
    var reader = new SpecReader(object, spec);

    if ("User".equals(kind) && identityApiVersion.equals(apiVersion)) {
      return user(name, reader);
    }
    if ("Group".equals(kind) && identityApiVersion.equals(apiVersion)) {
      return new DirectoryGroup(
          name,
          reader.text("description", ""),
          reader.names("members"),
          reader.names("projects"),
          reader.names("subgroups"));
    }
    if ("Project".equals(kind) && researchApiVersion.equals(apiVersion)) {
      return project(name, reader);
    }
    throw new InvalidManifestException(
        object,
        "not a User or Group of "
            + identityApiVersion
            + " nor a Project of "
            + researchApiVersion
            + " (apiVersion "
            + apiVersion
            + "); check portal.directory.*-group and version");
  }

  private static DirectoryUser user(String name, SpecReader spec) throws InvalidManifestException {
    String username = spec.text("username", null);
    if (username == null || username.isBlank()) {
      throw spec.invalid("spec.username is missing");
    }
    return new DirectoryUser(
        name, username, spec.text("email", ""), spec.flag("enabled", true), spec.names("groups"));
  }

  private static DirectoryProject project(String name, SpecReader spec)
      throws InvalidManifestException {
    List<ProjectApp> apps = new ArrayList<>();
    List<Map<?, ?>> rawApps = spec.maps("apps");
    for (int i = 0; i < rawApps.size(); i++) {
      var app = spec.nested("apps[" + i + "]", rawApps.get(i));
      apps.add(
          new ProjectApp(
              app.required("name"), app.required("type"), app.required("url"), app.textMap()));
    }
    List<Map<String, Object>> profiles = new ArrayList<>();
    for (Map<?, ?> profile : spec.maps("profiles")) {
      profiles.add(freeze(profile));
    }
    return new DirectoryProject(name, spec.text("description", ""), apps, profiles);
  }

  /** Copies YAML maps and lists into unmodifiable ones, so a snapshot cannot be changed. */
  @SuppressWarnings("unchecked") // freezeValue returns a map for a map input
  static Map<String, Object> freeze(Map<?, ?> map) {
    return (Map<String, Object>) freezeValue(map);
  }

  private static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
