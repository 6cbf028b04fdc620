package io.k8tre.portal.audit;

import io.k8tre.portal.audit.MembershipLedger.Membership;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.directory.SnapshotListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Records changes of who may use which project, as the resources show them: a project granted or
 * withdrawn, an account disabled or enabled. Compares each person's effective access before and
 * after, so a change through a subgroup or a group's project list counts too.
 *
 * <p>Every replica watches the same resources, so the {@link MembershipLedger} decides which one
 * records a change. At start-up the first snapshot is compared with the ledger, which records what
 * changed while no portal was watching (and, on the very first start, everyone's access as {@code
 * membership.first-seen}). The ledger lives in the database, so the work runs on a thread of its
 * own: the directory's updates never wait for it, and while the database is down the changes wait
 * in order and are retried. The ledger writes each event together with its own change, so an event
 * is neither lost between the two nor written twice. A membership the database refuses (a name
 * longer than its column) is skipped with a warning and does not hold up the changes after it.
 */
class MembershipAudit implements SnapshotListener, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MembershipAudit.class);
  private static final int CAPACITY = 100_000;
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  static final String GRANTED = "membership.granted";
  static final String REVOKED = "membership.revoked";

  private sealed interface Work {}

  private record Change(boolean granted, Membership membership) implements Work {}

  private record Reconcile(DirectorySnapshot snapshot) implements Work {}

  private final MembershipLedger ledger;
  private final Clock clock;
  private final boolean enabled;
  private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>(CAPACITY);
  private volatile boolean running;
  private volatile Instant lastWarning = Instant.MIN;
  private Thread worker;
  private Work inProgress;

  /**
   * @param enabled false records nothing (portal.audit.enabled, never off in production)
   */
  MembershipAudit(MembershipLedger ledger, Clock clock, boolean enabled) {
    this.ledger = ledger;
    this.clock = clock;
    this.enabled = enabled;
  }

  @Override
  public void loaded(DirectorySnapshot first) {
    if (enabled) {
      enqueue(new Reconcile(first));
    }
  }

  @Override
  public void changed(DirectorySnapshot before, DirectorySnapshot after) {
    if (!enabled) {
      return;
    }
    Set<String> names = new HashSet<>();
    before.users().forEach(u -> names.add(u.name()));
    after.users().forEach(u -> names.add(u.name()));
    for (String name : names) {
      Set<String> had = effective(before, name);
      Set<String> has = effective(after, name);
      for (String project : has) {
        if (!had.contains(project)) {
          enqueue(new Change(true, new Membership(name, project)));
        }
      }
      for (String project : had) {
        if (!has.contains(project)) {
          enqueue(new Change(false, new Membership(name, project)));
        }
      }
    }
  }

  /**
   * Does the queued work now, on the caller's thread; stops at the first failure, keeping that work
   * and everything after it. False when something is left.
   */
  synchronized boolean runPending() {
    while (true) {
      if (inProgress == null) {
        inProgress = queue.poll();
        if (inProgress == null) {
          return true;
        }
      }
      try {
        apply(inProgress);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (RuntimeException | Error e) {
        // Kept for the next attempt; see BufferedAuditLog#flush on errors from the driver.
        warn("Membership changes not recorded yet (database unreachable?): waiting={} error={}", e);
        return false;
      }
      inProgress = null;
    }
  }

  private void apply(Work work) {
    switch (work) {
      case Change change -> {
        if (change.granted()) {
          grant(change.membership(), "membership.changed");
        } else {
          revoke(change.membership());
        }
      }
      case Reconcile reconcile -> {
        Set<Membership> desired = memberships(reconcile.snapshot());
        Set<Membership> noted = ledger.all();
        String reason = noted.isEmpty() ? "membership.first-seen" : "membership.changed";
        for (Membership m : desired) {
          if (!noted.contains(m)) {
            grant(m, reason);
          }
        }
        for (Membership m : noted) {
          if (!desired.contains(m)) {
            revoke(m);
          }
        }
      }
    }
  }

  private void grant(Membership m, String reason) {
    try {
      ledger.add(m, event(GRANTED, m, reason));
    } catch (DataIntegrityViolationException e) {
      refused(m);
    }
  }

  private void revoke(Membership m) {
    try {
      ledger.remove(m, event(REVOKED, m, "membership.changed"));
    } catch (DataIntegrityViolationException e) {
      refused(m);
    }
  }

  private AuditEvent event(String kind, Membership m, String reason) {
    return new AuditEvent(
        clock.instant(), kind, m.user(), m.project(), null, "ok", reason, null, null, 1);
  }

  private static void refused(Membership m) {
    log.warn(
        "Membership change not recorded: the database refused it; user={} project={}",
        AuditEvent.bounded(m.user(), 64),
        AuditEvent.bounded(m.project(), 64));
  }

  private void enqueue(Work work) {
    if (!queue.offer(work)) {
      warn("Membership change not recorded: the queue is full; waiting={} error={}", null);
    }
  }

  private void warn(String message, Throwable e) {
    Instant now = Instant.now();
    if (now.isAfter(lastWarning.plus(WARN_EVERY))) {
      lastWarning = now;
      log.warn(message, queue.size(), e == null ? "-" : e.getClass().getSimpleName());
    }
  }

  /** Works through the queue every 200 ms; after a failure, waits longer each time, up to 5 s. */
  private void loop() {
    long wait = 200;
    while (running) {
      try {
        wait = runPending() ? 200 : Math.min(wait * 2, 5_000);
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    worker = Thread.ofPlatform().name("membership-audit").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static Set<Membership> memberships(DirectorySnapshot snapshot) {
    Set<Membership> all = new HashSet<>();
    for (DirectoryUser user : snapshot.users()) {
      for (String project : effective(snapshot, user.name())) {
        all.add(new Membership(user.name(), project));
      }
    }
    return all;
  }

  private static Set<String> effective(DirectorySnapshot snapshot, String name) {
    boolean enabled = snapshot.user(name).map(DirectoryUser::enabled).orElse(false);
    return enabled ? snapshot.projectNamesOf(name) : Set.of();
  }
}
