package io.k8tre.portal.gateway;

import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * JupyterHub names a project's server {@code <user>-<project>}, and both parts may contain {@code
 * -}: john in smith-study and john-smith in study would share {@code john-smith-study}. Such a name
 * is ambiguous for everyone it could stand for, so the gateway refuses JupyterHub to all of them
 * until one is renamed. Computed once per directory snapshot.
 */
final class HubNames {

  private record Index(DirectorySnapshot snapshot, Map<String, Integer> uses) {}

  private final AtomicReference<Index> index = new AtomicReference<>();

  /** True when more than one person-and-project pair would get this hub name. */
  boolean isAmbiguous(DirectorySnapshot snapshot, String user, String project) {
    return indexOf(snapshot).getOrDefault(user + "-" + project, 0) > 1;
  }

  private Map<String, Integer> indexOf(DirectorySnapshot snapshot) {
    Index known = index.get();
    if (known != null && known.snapshot() == snapshot) {
      return known.uses();
    }
    Map<String, Integer> uses = new HashMap<>();
    for (DirectoryUser user : snapshot.users()) {
      Set<String> projects = snapshot.projectNamesOf(user.name());
      for (String project : projects) {
        uses.merge(user.name() + "-" + project, 1, Integer::sum);
      }
    }
    index.set(new Index(snapshot, uses));
    return uses;
  }
}
