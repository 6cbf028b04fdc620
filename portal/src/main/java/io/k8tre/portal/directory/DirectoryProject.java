package io.k8tre.portal.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project as the portal needs it.
 *
 * @param name {@code metadata.name}
 * @param description {@code spec.description}, empty when absent
 * @param apps {@code spec.apps}, in manifest order
 * @param profiles {@code spec.profiles} as read (JupyterHub's profile lookup returns them as they
 *     are), deeply unmodifiable
 */
public record DirectoryProject(
    String name, String description, List<ProjectApp> apps, List<Map<String, Object>> profiles) {

  /** Copies the lists so a snapshot cannot change after it is built. */
  public DirectoryProject {
    apps = List.copyOf(apps);
    profiles = List.copyOf(profiles);
  }

  /**
   * Finds an app of this project by name.
   *
   * @param appName the app's name
   * @return the app, or empty if the project lists no app of that name
   */
  public Optional<ProjectApp> app(String appName) {
    return apps.stream().filter(a -> a.name().equals(appName)).findFirst();
  }
}
