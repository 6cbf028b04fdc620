package io.k8tre.portal.audit;

import java.util.Set;

/**
 * Which memberships the audit trail has recorded, shared by every replica. A change is recorded by
 * the replica whose {@link #add} or {@link #remove} changed the ledger, so each replica may report
 * what it saw and the trail still holds each change once.
 */
interface MembershipLedger {

  record Membership(String user, String project) {}

  /** True when this call noted the membership (nobody had), false when it was already noted. */
  boolean add(Membership membership);

  /** True when this call struck the membership out, false when it was not noted. */
  boolean remove(Membership membership);

  /** Everything noted. */
  Set<Membership> all();
}
