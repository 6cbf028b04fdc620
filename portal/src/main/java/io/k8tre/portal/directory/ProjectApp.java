package io.k8tre.portal.directory;

import java.util.Map;

/**
 * One app of a project.
 *
 * @param name the app's name in launch paths
 * @param type {@code jupyterhub}, {@code vdi} or another app type
 * @param url where the app is reached
 * @param config the app's free-form settings, values as text
 */
public record ProjectApp(String name, String type, String url, Map<String, String> config) {

  /** Copies the map so a snapshot cannot change after it is built. */
  public ProjectApp {
    config = Map.copyOf(config);
  }
}
