package io.k8tre.portal.bench;

import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.directory.ProjectApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large directory shaped like K8TRE's: users in a few groups each (by {@code spec.groups} and by
 * group {@code members}), groups granting one or two projects, a fifth of the groups parents of
 * subgroups, two apps per project. Seeded, so every run builds the same directory.
 */
final class SyntheticDirectory {

  final List<DirectoryUser> users = new ArrayList<>();
  final List<DirectoryGroup> groups = new ArrayList<>();
  final List<DirectoryProject> projects = new ArrayList<>();

  SyntheticDirectory(int userCount, int groupCount, int projectCount, long seed) {
    Random random = new Random(seed);
    for (int p = 0; p < projectCount; p++) {
      projects.add(
          new DirectoryProject(
              "project-" + p,
              "Synthetic project " + p,
              List.of(
                  new ProjectApp(
                      "jupyterhub", "jupyterhub", "https://jupyter.tre.example/hub", Map.of()),
                  new ProjectApp(
                      "desktop", "vdi", "https://guacamole.tre.example/guacamole/", Map.of())),
              List.of()));
    }
    List<List<String>> members = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      members.add(new ArrayList<>());
    }
    for (int u = 0; u < userCount; u++) {
      List<String> own = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        int g = random.nextInt(groupCount);
        if (k == 0) {
          own.add(groupName(g));
        } else {
          members.get(g).add(userName(u));
        }
      }
      users.add(
          new DirectoryUser(
              userName(u), userName(u), userName(u) + "@tre.example", u % 50 != 0, own));
    }
    for (int g = 0; g < groupCount; g++) {
      List<String> granted = new ArrayList<>();
      granted.add("project-" + random.nextInt(projectCount));
      if (random.nextBoolean()) {
        granted.add("project-" + random.nextInt(projectCount));
      }
      List<String> subgroups =
          g % 5 == 0 && g + 2 < groupCount
              ? List.of(groupName(g + 1), groupName(g + 2))
              : List.of();
      groups.add(new DirectoryGroup(groupName(g), "", members.get(g), granted, subgroups));
    }
  }

  DirectorySnapshot snapshot() {
    return DirectorySnapshot.of(users, groups, projects, List.of());
  }

  static String userName(int u) {
    return "user-" + u;
  }

  static String groupName(int g) {
    return "group-" + g;
  }
}
