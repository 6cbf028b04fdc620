package io.k8tre.portal.bench;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.access.Decision;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectoryGroup;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.gateway.Gateway;
import io.k8tre.portal.gateway.GatewayAnswer;
import io.k8tre.portal.gateway.GatewayRequest;
import io.k8tre.portal.gateway.ProjectTokens;
import io.k8tre.portal.gateway.SessionRefresher;
import io.k8tre.portal.gateway.SigningKeys;
import io.k8tre.portal.session.MemoryPortalSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The access decision on a directory of 10,000 users, 5,000 groups and 2,000 projects: one
 * decision, the gateway's whole decision for a request with an already-verified token, and the
 * rebuild of the snapshot after one group changed. {@code referenceMapLookup} is the yardstick
 * measured in the same run: one lookup in a map of 10,000 entries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {

  private static final int USERS = 10_000;

  private SyntheticDirectory synthetic;
  private DirectorySnapshot snapshot;
  private Gateway gateway;
  private final List<GatewayRequest> requests = new ArrayList<>();
  private final Map<String, String> reference = new HashMap<>();
  private int next;

  @Setup
  public void build() {
    synthetic = new SyntheticDirectory(USERS, 5_000, 2_000, 42);
    snapshot = synthetic.snapshot();
    for (int u = 0; u < USERS; u++) {
      reference.put(SyntheticDirectory.userName(u), "x" + u);
    }
    Clock clock = Clock.systemUTC();
    ProjectTokens tokens =
        new ProjectTokens(
            SigningKeys.generate(),
            "https://portal.tre.example",
            Duration.ofHours(1),
            Duration.ofSeconds(30),
            clock);
    MemoryPortalSessions sessions = new MemoryPortalSessions(clock);
    String sid = sessions.start("http", "bench", "jmh", null);
    Directory directory = () -> snapshot;
    SessionRefresher never = s -> SessionRefresher.Outcome.UNAVAILABLE;
    gateway =
        new Gateway(
            tokens,
            directory,
            Duration.ofMinutes(1),
            sessions,
            never,
            Duration.ofMinutes(3),
            clock,
            event -> {});
    for (int i = 0; i < 1024; i++) {
      String user = SyntheticDirectory.userName((i * 7919) % USERS);
      String project = "project-" + ((i * 104729) % 2_000);
      String token = tokens.mint("sub", user, user + "@tre.example", project, sid);
      GatewayRequest request =
          new GatewayRequest(
              "https://jupyter.tre.example/hub/home",
              "jupyter.tre.example",
              "/hub/home",
              Map.of(project, token),
              project,
              null,
              false);
      gateway.decide(request);
      requests.add(request);
    }
  }

  @Benchmark
  public Decision decideApp() {
    int i = next++ & 1023;
    return AccessPolicy.decideApp(
        snapshot,
        SyntheticDirectory.userName((i * 7919) % USERS),
        "project-" + ((i * 104729) % 2_000),
        "jupyterhub");
  }

  @Benchmark
  public GatewayAnswer gatewayDecide() {
    return gateway.decide(requests.get(next++ & 1023));
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public DirectorySnapshot rebuildAfterOneChange() {
    List<DirectoryGroup> changed = new ArrayList<>(synthetic.groups);
    DirectoryGroup first = changed.get(0);
    changed.set(
        0,
        new DirectoryGroup(
            first.name(),
            "changed " + next++,
            first.members(),
            first.projects(),
            first.subgroups()));
    return DirectorySnapshot.of(synthetic.users, changed, synthetic.projects, List.of());
  }

  @Benchmark
  public String referenceMapLookup() {
    return reference.get(SyntheticDirectory.userName((next++ * 7919) % USERS));
  }
}
