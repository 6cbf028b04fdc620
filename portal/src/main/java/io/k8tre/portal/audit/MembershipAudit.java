package io.k8tre.portal.audit;

import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.directory.SnapshotListener;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Records changes of who may use which project, as the resources show them: a project granted or
 * withdrawn, an account disabled or enabled. Compares the effective access of each person before
 * and after, so a change through a subgroup or a group's project list counts too.
 */
@Component
class MembershipAudit implements SnapshotListener {

  private final Audits audits;

  MembershipAudit(Audits audits) {
    this.audits = audits;
  }

  @Override
  public void changed(DirectorySnapshot before, DirectorySnapshot after) {
    Set<String> names = new HashSet<>();
    before.users().forEach(u -> names.add(u.name()));
    after.users().forEach(u -> names.add(u.name()));
    for (String name : names) {
      Set<String> had = effective(before, name);
      Set<String> has = effective(after, name);
      for (String project : has) {
        if (!had.contains(project)) {
          audits.record("membership.granted", name, project, null, "ok", "membership.changed");
        }
      }
      for (String project : had) {
        if (!has.contains(project)) {
          audits.record("membership.revoked", name, project, null, "ok", "membership.changed");
        }
      }
    }
  }

  private static Set<String> effective(DirectorySnapshot snapshot, String name) {
    boolean enabled = snapshot.user(name).map(DirectoryUser::enabled).orElse(false);
    return enabled ? snapshot.projectNamesOf(name) : Set.of();
  }
}
