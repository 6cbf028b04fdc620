package io.k8tre.portal.directory;

import java.util.List;

/**
 * A user as the portal needs it. The password of the resource is deliberately not carried.
 *
 * @param name {@code metadata.name}, equal to the Keycloak {@code preferred_username}
 * @param username {@code spec.username}
 * @param email {@code spec.email}, empty when absent
 * @param enabled {@code spec.enabled}, {@code true} when absent
 * @param groups {@code spec.groups}
 */
public record DirectoryUser(
    String name, String username, String email, boolean enabled, List<String> groups) {

  /** Copies the list so a snapshot cannot change after it is built. */
  public DirectoryUser {
    groups = List.copyOf(groups);
  }
}
