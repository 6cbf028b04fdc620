package io.k8tre.portal.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects converted objects and problems from one pass over a source into a snapshot.
 *
 * <p>The first object of a kind and name wins; a later duplicate is a problem rather than a silent
 * override, so a stray copy of a manifest cannot change who has access.
 */
final class SnapshotAssembler {

  private final Map<String, DirectoryUser> users = new LinkedHashMap<>();
  private final Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
  private final Map<String, DirectoryProject> projects = new LinkedHashMap<>();
  private final List<DirectoryProblem> problems = new ArrayList<>();

  void add(String source, Record object) {
    boolean added =
        switch (object) {
          case DirectoryUser u -> users.putIfAbsent(u.name(), u) == null;
          case DirectoryGroup g -> groups.putIfAbsent(g.name(), g) == null;
          case DirectoryProject p -> projects.putIfAbsent(p.name(), p) == null;
          default -> throw new IllegalArgumentException("not a directory object: " + object);
        };
    if (!added) {
      problem(source, label(object), "duplicate name; the first one read is kept");
    }
  }

  void problem(String source, String object, String reason) {
    problems.add(new DirectoryProblem(source, object, reason));
  }

  DirectorySnapshot build() {
    return DirectorySnapshot.of(users.values(), groups.values(), projects.values(), problems);
  }

  private static String label(Record object) {
    return switch (object) {
      case DirectoryUser u -> "User/" + u.name();
      case DirectoryGroup g -> "Group/" + g.name();
      case DirectoryProject p -> "Project/" + p.name();
      default -> object.getClass().getSimpleName();
    };
  }
}
