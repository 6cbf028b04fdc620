package io.k8tre.portal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.directory.ProjectApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static DirectoryUser user(String name, boolean enabled, String... groups) {
    return new DirectoryUser(name, name, name + "@example.org", enabled, List.of(groups));
  }

  private static DirectoryGroup group(
      String name, List<String> members, List<String> projects, List<String> subgroups) {
    return new DirectoryGroup(name, "", members, projects, subgroups);
  }

  private static DirectoryProject project(String name) {
    var app = new ProjectApp("notebook", "jupyterhub", "http://hub.example.org", Map.of());
    return new DirectoryProject(name, "", List.of(app), List.of());
  }

  private static DirectorySnapshot snapshot(List<DirectoryUser> u, List<DirectoryGroup> g) {
    return DirectorySnapshot.of(u, g, List.of(project("alpha"), project("beta")), List.of());
  }

  @Test
  void decideWhenMemberOfSubgroupThenParentProjectAllowed() {
    var s =
        snapshot(
            List.of(user("ada", true)),
            List.of(
                group("parent", List.of(), List.of("alpha"), List.of("child")),
                group("child", List.of("ada"), List.of(), List.of())));

    assertThat(AccessPolicy.decideProject(s, "ada", "alpha")).isEqualTo(Decision.allow());
  }

  @Test
  void decideWhenMemberOfNestedSubgroupThenGrandparentProjectAllowed() {
    var s =
        snapshot(
            List.of(user("ada", true, "leaf")),
            List.of(
                group("top", List.of(), List.of("beta"), List.of("middle")),
                group("middle", List.of(), List.of(), List.of("leaf")),
                group("leaf", List.of(), List.of(), List.of())));

    assertThat(AccessPolicy.decideProject(s, "ada", "beta").allowed()).isTrue();
  }

  @Test
  void decideWhenSubgroupsFormCycleThenTerminatesAndGrantsBoth() {
    var s =
        snapshot(
            List.of(user("ada", true, "a")),
            List.of(
                group("a", List.of(), List.of("alpha"), List.of("b")),
                group("b", List.of(), List.of("beta"), List.of("a"))));

    assertThat(AccessPolicy.projectsOf(s, "ada"))
        .extracting(DirectoryProject::name)
        .containsExactly("alpha", "beta");
  }

  @Test
  void decideWhenMembershipOnlyThroughParentThenChildProjectDenied() {
    var s =
        snapshot(
            List.of(user("ada", true, "parent")),
            List.of(
                group("parent", List.of(), List.of("alpha"), List.of("child")),
                group("child", List.of(), List.of("beta"), List.of())));

    assertThat(AccessPolicy.decideProject(s, "ada", "beta").reason())
        .isEqualTo(AccessReason.NOT_MEMBER);
  }

  @Test
  void decideWhenUserGroupMissingThenIgnoredAndNotMember() {
    var s = snapshot(List.of(user("ada", true, "ghost")), List.of());

    assertThat(AccessPolicy.decideProject(s, "ada", "alpha").reason())
        .isEqualTo(AccessReason.NOT_MEMBER);
  }

  @Test
  void decideWhenGroupListsMissingProjectThenProjectUnknown() {
    var s =
        snapshot(
            List.of(user("ada", true)),
            List.of(group("g", List.of("ada"), List.of("gamma"), List.of("ghost"))));

    assertThat(AccessPolicy.decideProject(s, "ada", "gamma").reason())
        .isEqualTo(AccessReason.PROJECT_UNKNOWN);
    assertThat(AccessPolicy.projectsOf(s, "ada")).isEmpty();
  }

  @Test
  void decideWhenUserUnknownThenDenied() {
    var s = snapshot(List.of(), List.of(group("g", List.of("ada"), List.of("alpha"), List.of())));

    assertThat(AccessPolicy.decideProject(s, "ada", "alpha").reason())
        .isEqualTo(AccessReason.USER_UNKNOWN);
  }

  @Test
  void decideWhenUserDisabledThenDeniedEvenIfMember() {
    var s =
        snapshot(
            List.of(user("ada", false)),
            List.of(group("g", List.of("ada"), List.of("alpha"), List.of())));

    assertThat(AccessPolicy.decideApp(s, "ada", "alpha", "notebook").reason())
        .isEqualTo(AccessReason.USER_DISABLED);
  }

  @Test
  void decideAppWhenAppNotListedThenAppUnknown() {
    var s =
        snapshot(
            List.of(user("ada", true)),
            List.of(group("g", List.of("ada"), List.of("alpha"), List.of())));

    assertThat(AccessPolicy.decideApp(s, "ada", "alpha", "desktop").reason())
        .isEqualTo(AccessReason.APP_UNKNOWN);
  }

  @Test
  void reasonWhenDisabledThenStableCodeAndSentence() {
    assertThat(AccessReason.USER_DISABLED.code()).isEqualTo("user.disabled");
    assertThat(AccessReason.USER_DISABLED.explanation()).endsWith(".");
  }

  @Test
  void decisionWhenAllowedWithDenyReasonThenRejected() {
    assertThatThrownBy(() -> new Decision(true, AccessReason.NOT_MEMBER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
