package io.k8tre.portal.audit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger of a single replica with memory storage (the demo). */
class MemoryMembershipLedger implements MembershipLedger {

  private final Set<Membership> noted = ConcurrentHashMap.newKeySet();

  @Override
  public boolean add(Membership membership) {
    return noted.add(membership);
  }

  @Override
  public boolean remove(Membership membership) {
    return noted.remove(membership);
  }

  @Override
  public Set<Membership> all() {
    return Set.copyOf(noted);
  }
}
