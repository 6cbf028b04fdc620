package io.k8tre.portal.directory;

import java.util.List;

/**
 * A group as the portal needs it.
 *
 * @param name {@code metadata.name}
 * @param description {@code spec.description}, empty when absent
 * @param members usernames listed in {@code spec.members}
 * @param projects project names listed in {@code spec.projects}
 * @param subgroups group names listed in {@code spec.subgroups}
 */
public record DirectoryGroup(
    String name,
    String description,
    List<String> members,
    List<String> projects,
    List<String> subgroups) {

  /** Copies the lists so a snapshot cannot change after it is built. */
  public DirectoryGroup {
    members = List.copyOf(members);
    projects = List.copyOf(projects);
    subgroups = List.copyOf(subgroups);
  }
}
