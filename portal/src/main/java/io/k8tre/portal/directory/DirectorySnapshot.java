package io.k8tre.portal.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An immutable view of users, groups and projects at one moment, with its indexes built once.
 *
 * <p>The gateway consults it on every request, so everything a decision needs, including each
 * user's projects after subgroup expansion, is computed here and answered by map lookups.
 */
public final class DirectorySnapshot {

  private static final DirectorySnapshot EMPTY =
      new DirectorySnapshot(List.of(), List.of(), List.of(), List.of(), Instant.EPOCH);

  private final Map<String, DirectoryUser> users;
  private final Map<String, DirectoryGroup> groups;
  private final Map<String, DirectoryProject> projects;
  private final List<DirectoryProblem> problems;
  private final Map<String, Set<String>> projectsByUser;
  private final Instant builtAt;

  private DirectorySnapshot(
      Collection<DirectoryUser> users,
      Collection<DirectoryGroup> groups,
      Collection<DirectoryProject> projects,
      List<DirectoryProblem> problems,
      Instant builtAt) {
    this.users = index(users, DirectoryUser::name);
    this.groups = index(groups, DirectoryGroup::name);
    this.projects = index(projects, DirectoryProject::name);
    this.problems = List.copyOf(problems);
    this.projectsByUser = MembershipIndex.projectsByUser(this.users, this.groups, this.projects);
    this.builtAt = builtAt;
  }

  /**
   * Returns the snapshot with nothing in it, used before the first load.
   *
   * @return the empty snapshot
   */
  public static DirectorySnapshot empty() {
    return EMPTY;
  }

  /**
   * Builds a snapshot now. When two objects of one kind share a name, the later one wins; the
   * sources report such duplicates as problems before they get here.
   *
   * @param users the users
   * @param groups the groups
   * @param projects the projects
   * @param problems the manifests that were skipped
   * @return the snapshot
   */
  public static DirectorySnapshot of(
      Collection<DirectoryUser> users,
      Collection<DirectoryGroup> groups,
      Collection<DirectoryProject> projects,
      List<DirectoryProblem> problems) {
    return new DirectorySnapshot(users, groups, projects, problems, Instant.now());
  }

  public Optional<DirectoryUser> user(String username) {
    return Optional.ofNullable(users.get(username));
  }

  public Optional<DirectoryGroup> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  public Optional<DirectoryProject> project(String name) {
    return Optional.ofNullable(projects.get(name));
  }

  /** Returns the users, sorted by name. */
  public Collection<DirectoryUser> users() {
    return users.values();
  }

  /** Returns the groups, sorted by name. */
  public Collection<DirectoryGroup> groups() {
    return groups.values();
  }

  /** Returns the projects, sorted by name. */
  public Collection<DirectoryProject> projects() {
    return projects.values();
  }

  public List<DirectoryProblem> problems() {
    return problems;
  }

  public Instant builtAt() {
    return builtAt;
  }

  /**
   * Returns the names of the existing projects the user's groups grant, sorted; it does not look at
   * whether the user is enabled, which is the access policy's call.
   *
   * @param username the user's {@code metadata.name}
   * @return the project names, empty for an unknown user
   */
  public Set<String> projectNamesOf(String username) {
    return projectsByUser.getOrDefault(username, Set.of());
  }

  /** Sorted by name for listings, hashed for the gateway's lookups. */
  private static <T> Map<String, T> index(Collection<T> items, Function<T, String> name) {
    Map<String, T> sorted = new TreeMap<>();
    for (T item : items) {
      sorted.put(name.apply(item), item);
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }
}
