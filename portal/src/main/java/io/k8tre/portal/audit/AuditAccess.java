package io.k8tre.portal.audit;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.login.PortalUser;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who may read the record of access: platform admins (a Keycloak group or realm role) for every
 * project; a project's admins (members of its admin group in the resources) for that project.
 */
@Component
public class AuditAccess {

  private final AuditProperties settings;
  private final Directory directory;

  AuditAccess(AuditProperties settings, Directory directory) {
    this.settings = settings;
    this.directory = directory;
  }

  /**
   * The Keycloak group or realm role, from the login's claims, and an enabled {@code User} in the
   * directory now: disabling someone's account ends their admin rights at once, as it ends their
   * projects, without waiting for the login to end.
   */
  public boolean isPlatformAdmin(Authentication authentication) {
    return isPlatformAdmin(authentication, directory.snapshot());
  }

  private boolean isPlatformAdmin(Authentication authentication, DirectorySnapshot snapshot) {
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser oidc)) {
      return false;
    }
    boolean enabled =
        PortalUser.usernameOf(authentication)
            .flatMap(snapshot::user)
            .map(DirectoryUser::enabled)
            .orElse(false);
    if (!enabled) {
      return false;
    }
    List<String> groups = oidc.getClaimAsStringList("groups");
    if (groups != null && groups.contains(settings.platformAdminGroup())) {
      return true;
    }
    Map<String, Object> realm = oidc.getClaimAsMap("realm_access");
    return realm != null
        && realm.get("roles") instanceof Collection<?> roles
        && roles.contains(settings.platformAdminRole());
  }

  /** Whether this person may read the project's audit trail. */
  public boolean mayAudit(
      Authentication authentication, DirectorySnapshot snapshot, String project) {
    return auditable(authentication, snapshot, List.of(project)).contains(project);
  }

  /** The projects in the directory whose trails this person may read, sorted by name. */
  public List<String> auditable(Authentication authentication, DirectorySnapshot snapshot) {
    return auditable(
        authentication,
        snapshot,
        snapshot.projects().stream().map(DirectoryProject::name).sorted().toList());
  }

  private List<String> auditable(
      Authentication authentication, DirectorySnapshot snapshot, List<String> projects) {
    if (isPlatformAdmin(authentication, snapshot)) {
      return projects;
    }
    return PortalUser.usernameOf(authentication)
        .map(name -> projects.stream().filter(p -> isProjectAdmin(snapshot, name, p)).toList())
        .orElse(List.of());
  }

  public boolean isProjectAdmin(DirectorySnapshot snapshot, String username, String project) {
    String groupName = settings.projectAdminGroup().replace("{project}", project);
    boolean enabled = snapshot.user(username).map(u -> u.enabled()).orElse(false);
    if (!enabled) {
      return false;
    }
    boolean listed =
        snapshot.group(groupName).map(DirectoryGroup::members).orElse(List.of()).contains(username);
    boolean claimed =
        snapshot.user(username).map(u -> u.groups().contains(groupName)).orElse(false)
            && snapshot.group(groupName).isPresent();
    return listed || claimed;
  }
}
