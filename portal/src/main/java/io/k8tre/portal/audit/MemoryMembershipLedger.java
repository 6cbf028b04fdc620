package io.k8tre.portal.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ledger of a single replica with memory storage (the demo). */
class MemoryMembershipLedger implements MembershipLedger {

  private final Set<Membership> noted = new HashSet<>();
  private final AuditStore trail;

  MemoryMembershipLedger(AuditStore trail) {
    this.trail = trail;
  }

  @Override
  public synchronized boolean add(Membership membership, AuditEvent event) {
    if (noted.contains(membership)) {
      return false;
    }
    trail.write(List.of(event));
    noted.add(membership);
    return true;
  }

  @Override
  public synchronized boolean remove(Membership membership, AuditEvent event) {
    if (!noted.contains(membership)) {
      return false;
    }
    trail.write(List.of(event));
    noted.remove(membership);
    return true;
  }

  @Override
  public synchronized Set<Membership> all() {
    return Set.copyOf(noted);
  }
}
