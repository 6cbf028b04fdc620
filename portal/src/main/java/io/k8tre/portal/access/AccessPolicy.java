package io.k8tre.portal.access;

import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a user may use a project or one of its apps.
 *
 * <p>Pure functions of the snapshot: the gateway calls them on every proxied request, so they only
 * look up what the snapshot precomputed (each user's projects after subgroup expansion, see {@link
 * DirectorySnapshot#projectNamesOf}). Checks run in a fixed order so the reason names the first
 * thing that is wrong: unknown user, disabled user, unknown project, not a member, unknown app.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /**
   * Lists the projects the user may use, sorted by name; none for an unknown or disabled user.
   *
   * @param snapshot the directory state to decide on
   * @param username the user's {@code metadata.name}
   * @return the projects
   */
  public static List<DirectoryProject> projectsOf(DirectorySnapshot snapshot, String username) {
    Optional<DirectoryUser> user = snapshot.user(username);
    if (user.isEmpty() || !user.get().enabled()) {
      return List.of();
    }
    return snapshot.projectNamesOf(username).stream()
        .flatMap(name -> snapshot.project(name).stream())
        .toList();
  }

  /**
   * Decides whether the user may use the project at all.
   *
   * @param snapshot the directory state to decide on
   * @param username the user's {@code metadata.name}
   * @param project the project's name
   * @return the decision with its reason
   */
  public static Decision decideProject(
      DirectorySnapshot snapshot, String username, String project) {
    Optional<DirectoryUser> user = snapshot.user(username);
    if (user.isEmpty()) {
      return Decision.deny(AccessReason.USER_UNKNOWN);
    }
    if (!user.get().enabled()) {
      return Decision.deny(AccessReason.USER_DISABLED);
    }
    if (snapshot.project(project).isEmpty()) {
      return Decision.deny(AccessReason.PROJECT_UNKNOWN);
    }
    if (!snapshot.projectNamesOf(username).contains(project)) {
      return Decision.deny(AccessReason.NOT_MEMBER);
    }
    return Decision.allow();
  }

  /**
   * Decides whether the user may use one app of the project.
   *
   * @param snapshot the directory state to decide on
   * @param username the user's {@code metadata.name}
   * @param project the project's name
   * @param app the app's name within the project
   * @return the decision with its reason
   */
  public static Decision decideApp(
      DirectorySnapshot snapshot, String username, String project, String app) {
    Decision projectDecision = decideProject(snapshot, username, project);
    if (!projectDecision.allowed()) {
      return projectDecision;
    }
    boolean listed = snapshot.project(project).flatMap(p -> p.app(app)).isPresent();
    return listed ? Decision.allow() : Decision.deny(AccessReason.APP_UNKNOWN);
  }
}
