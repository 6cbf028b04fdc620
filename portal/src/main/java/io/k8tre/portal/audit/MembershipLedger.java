package io.k8tre.portal.audit;

import java.util.Set;

/**
 * Which memberships the audit trail has recorded, shared by every replica. A change is recorded by
 * the replica whose {@link #add} or {@link #remove} changed the ledger, so each replica may report
 * what it saw and the trail still holds each change once. The ledger and the trail change together:
 * the event is written in the same step as the ledger, or neither is, so a change the ledger knows
 * is never missing from the trail.
 */
interface MembershipLedger {

  record Membership(String user, String project) {}

  /**
   * Notes the membership and writes {@code event} with it. True when this call did both, false when
   * the membership was already noted (nothing written). Throws, changing nothing, when either
   * cannot be stored.
   */
  boolean add(Membership membership, AuditEvent event);

  /** Strikes the membership out and writes {@code event} with it; otherwise as {@link #add}. */
  boolean remove(Membership membership, AuditEvent event);

  /** Everything noted. */
  Set<Membership> all();
}
