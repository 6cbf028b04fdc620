package io.k8tre.portal.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out which projects each user's groups grant.
 *
 * <p>The rule, chosen because upstream K8TRE tools disagreed (the portal read only {@code
 * User.spec.groups}, later operators only {@code Group.spec.members}): a user is in a group when
 * either side says so; membership of a subgroup counts for every group above it; a group grants the
 * projects in its {@code projects}. Names of groups or projects with no resource behind them are
 * ignored, and the walk up the subgroup graph visits each group once, so a cycle ends.
 */
final class MembershipIndex {

  private MembershipIndex() {}

  static Map<String, Set<String>> projectsByUser(
      Map<String, DirectoryUser> users,
      Map<String, DirectoryGroup> groups,
      Map<String, DirectoryProject> projects) {
    Map<String, List<String>> parents = parentsOf(groups);
    Map<String, Set<String>> directGroups = directGroupsOf(users, groups);

    Map<String, Set<String>> result = new HashMap<>();
    directGroups.forEach(
        (user, direct) -> {
          Set<String> granted = new TreeSet<>();
          for (String group : withAncestors(direct, parents)) {
            for (String project : groups.get(group).projects()) {
              if (projects.containsKey(project)) {
                granted.add(project);
              }
            }
          }
          result.put(user, Collections.unmodifiableSet(granted));
        });
    return Collections.unmodifiableMap(result);
  }

  /** Maps each existing group to the existing groups that list it as a subgroup. */
  private static Map<String, List<String>> parentsOf(Map<String, DirectoryGroup> groups) {
    Map<String, List<String>> parents = new HashMap<>();
    for (DirectoryGroup parent : groups.values()) {
      for (String child : parent.subgroups()) {
        if (groups.containsKey(child)) {
          parents.computeIfAbsent(child, c -> new ArrayList<>()).add(parent.name());
        }
      }
    }
    return parents;
  }

  private static Map<String, Set<String>> directGroupsOf(
      Map<String, DirectoryUser> users, Map<String, DirectoryGroup> groups) {
    Map<String, String> nameByUsername = new HashMap<>();
    Map<String, Set<String>> direct = new HashMap<>();
    for (DirectoryUser user : users.values()) {
      nameByUsername.putIfAbsent(user.username(), user.name());
      Set<String> own = new HashSet<>();
      user.groups().stream().filter(groups::containsKey).forEach(own::add);
      direct.put(user.name(), own);
    }
    for (DirectoryGroup group : groups.values()) {
      for (String member : group.members()) {
        String name = users.containsKey(member) ? member : nameByUsername.get(member);
        if (name != null) {
          direct.get(name).add(group.name());
        }
      }
    }
    return direct;
  }

  private static Set<String> withAncestors(Set<String> start, Map<String, List<String>> parents) {
    Set<String> seen = new HashSet<>(start);
    Deque<String> todo = new ArrayDeque<>(start);
    while (!todo.isEmpty()) {
      for (String parent : parents.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(parent)) {
          todo.push(parent);
        }
      }
    }
    return seen;
  }
}
