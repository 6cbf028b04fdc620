package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.DirectoryUser;
import io.k8tre.portal.directory.SampleDirectory;
import io.k8tre.portal.session.MemoryPortalSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's decision on K8TRE's sample directory, for the kinds of bad-inputs.md that reach it:
 * forged or mismatched tokens, ownership by guessing names, revocation, membership changes, a stale
 * directory, and the refresh path. The jupyterhub app of the samples is at {@code
 * localhost:18090/hub}.
 */
class GatewayTest {

  private static final String JUPYTER = "localhost:18090";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final ProjectTokens tokens =
      new ProjectTokens(
          SigningKeys.generate(),
          "https://portal.tre.example",
          Duration.ofMinutes(10),
          Duration.ofSeconds(30),
          clock);
  private final MemoryPortalSessions sessions = new MemoryPortalSessions(clock);
  private final AtomicInteger refreshes = new AtomicInteger();
  private final List<io.k8tre.portal.audit.AuditEvent> audited =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private SessionRefresher.Outcome refreshOutcome = SessionRefresher.Outcome.RENEWED;
  private DirectorySnapshot snapshot = SampleDirectory.snapshot();
  private Duration staleFor = Duration.ZERO;
  private Gateway gateway;
  private String sid;

  @BeforeEach
  void setUp() {
    Directory directory =
        new Directory() {
          @Override
          public DirectorySnapshot snapshot() {
            return snapshot;
          }

          @Override
          public Duration staleFor() {
            return staleFor;
          }
        };
    SessionRefresher refresher =
        s -> {
          refreshes.incrementAndGet();
          return refreshOutcome;
        };
    gateway =
        new Gateway(
            tokens,
            directory,
            Duration.ofSeconds(60),
            sessions,
            refresher,
            Duration.ofMinutes(3),
            clock,
            audited::add);
    sid = sessions.start("http-1", "trevolution", "test", null);
  }

  private String token(String user, String project) {
    return tokens.mint("sub", user, user + "@k8tre.io", project, sid);
  }

  private static GatewayRequest request(String path, Map<String, String> cookies, String current) {
    return new GatewayRequest(
        "http://" + JUPYTER + path, JUPYTER, path, cookies, current, null, false);
  }

  private GatewayAnswer decide(String path, String project, String token) {
    return gateway.decide(request(path, Map.of(project, token), project));
  }

  @Test
  void decideWhenMemberWithValidTokenThenAllowedForJupyterHub() {
    GatewayAnswer answer = decide("/hub/home", "asthma", token("trevolution", "asthma"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.audience()).isEqualTo("jupyterhub");
    assertThat(answer.app().name()).isEqualTo("jupyterhub");
    assertThat(answer.renewedToken()).isNull();
  }

  @Test
  void decideWhenNoTokenThenUnauthenticated() {
    GatewayAnswer answer = gateway.decide(request("/hub/home", Map.of(), null));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.reason()).isEqualTo("token.missing");
  }

  @Test
  void decideWhenTokenGarbageThenUnauthenticatedWithReason() {
    assertThat(decide("/hub/home", "asthma", "garbage").reason()).isEqualTo("token.malformed");
  }

  @Test
  void decideWhenTokenForP1PresentedAsP2ThenForbidden() {
    GatewayAnswer answer = decide("/hub/home", "diabetes", token("trevolution", "asthma"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.reason()).isEqualTo("token.project-mismatch");
  }

  @Test
  void decideWhenPathNamesAnotherUsersServerThenForbidden() {
    GatewayAnswer answer =
        decide("/user/alwin-asthma/api/contents", "asthma", token("trevolution", "asthma"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.reason()).isEqualTo("token.user-mismatch");
  }

  @Test
  void decideWhenPathNamesOwnServerThenThatProjectsTokenIsUsed() {
    Map<String, String> cookies = new LinkedHashMap<>();
    cookies.put("asthma", token("trevolution", "asthma"));
    cookies.put("diabetes", token("trevolution", "diabetes"));

    GatewayAnswer answer =
        gateway.decide(request("/user/trevolution-diabetes/tree", cookies, "asthma"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.token().project()).isEqualTo("diabetes");
  }

  @Test
  void decideWhenPathNamesProjectWithoutTokenThenUnauthenticated() {
    GatewayAnswer answer =
        decide("/user/trevolution-diabetes/tree", "asthma", token("trevolution", "asthma"));

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void decideWhenNotMemberThenForbidden() {
    GatewayAnswer answer =
        decide("/hub/home", "hypertension", token("trevolution", "hypertension"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.reason()).isEqualTo("project.not-member");
  }

  @Test
  void decideWhenUserDisabledThenForbidden() {
    assertThat(decide("/hub/home", "asthma", token("test", "asthma")).reason())
        .isEqualTo("user.disabled");
  }

  @Test
  void decideWhenProjectGoneThenForbidden() {
    assertThat(decide("/hub/home", "gone", token("trevolution", "gone")).reason())
        .isEqualTo("project.unknown");
  }

  @Test
  void decideWhenHostServesNoAppOfTheProjectThenForbidden() {
    GatewayRequest other =
        new GatewayRequest(
            "https://evil.example/",
            "evil.example",
            "/",
            Map.of("asthma", token("trevolution", "asthma")),
            "asthma",
            null,
            false);

    assertThat(gateway.decide(other).reason()).isEqualTo("app.unknown");
  }

  @Test
  void decideWhenMembershipRemovedThenNextRequestForbiddenAndRestoredAfter() {
    String token = token("trevolution", "asthma");
    DirectorySnapshot before = snapshot;
    snapshot = withoutGroups(before, "trevolution");

    assertThat(decide("/hub/home", "asthma", token).reason()).isEqualTo("project.not-member");

    snapshot = before;
    assertThat(decide("/hub/home", "asthma", token).status()).isEqualTo(200);
  }

  @Test
  void decideWhenHubNameCouldBeAnotherPersonsThenJupyterHubRefusedToBoth() {
    // k8tre in project user-asthma and k8tre-user in asthma would both be "k8tre-user-asthma".
    List<DirectoryUser> users = new ArrayList<>(snapshot.users());
    users.add(
        new DirectoryUser(
            "k8tre", "k8tre", "k8tre@k8tre.io", true, List.of("user-asthma-analyst")));
    List<io.k8tre.portal.directory.DirectoryGroup> groups = new ArrayList<>(snapshot.groups());
    groups.add(
        new io.k8tre.portal.directory.DirectoryGroup(
            "user-asthma-analyst", "", List.of(), List.of("user-asthma"), List.of()));
    List<io.k8tre.portal.directory.DirectoryProject> projects =
        new ArrayList<>(snapshot.projects());
    projects.add(
        new io.k8tre.portal.directory.DirectoryProject(
            "user-asthma", "", snapshot.project("asthma").orElseThrow().apps(), List.of()));
    snapshot = DirectorySnapshot.of(users, groups, projects, List.of());

    GatewayAnswer attacker =
        decide(
            "/user/k8tre-user-asthma/api/contents", "user-asthma", token("k8tre", "user-asthma"));
    GatewayAnswer owner =
        decide("/user/k8tre-user-asthma/api/contents", "asthma", token("k8tre-user", "asthma"));
    GatewayAnswer bystander = decide("/hub/home", "asthma", token("trevolution", "asthma"));

    assertThat(attacker.reason()).isEqualTo("hub-name.ambiguous");
    assertThat(owner.reason()).isEqualTo("hub-name.ambiguous");
    assertThat(bystander.status()).isEqualTo(200);
  }

  @Test
  void decideWhenSessionEndedThenUnauthenticated() {
    String token = token("trevolution", "asthma");
    sessions.end(sid, "logout");

    GatewayAnswer answer = decide("/hub/home", "asthma", token);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.reason()).isEqualTo("session.ended");
  }

  @Test
  void decideWhenDirectoryStaleBeyondLimitThenFailsClosed() {
    staleFor = Duration.ofSeconds(61);

    assertThat(decide("/hub/home", "asthma", token("trevolution", "asthma")).reason())
        .isEqualTo("directory.stale");
  }

  @Test
  void decideWhenTokenInRefreshWindowThenRenewedOnce() {
    String token = token("trevolution", "asthma");
    clock.advance(Duration.ofMinutes(8));

    GatewayAnswer answer = decide("/hub/home", "asthma", token);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.renewedToken()).isNotNull().isNotEqualTo(token);
    assertThat(tokens.verify(answer.renewedToken()).token().orElseThrow().expiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void decideWhenTokenFreshThenKeycloakIsNotAsked() {
    decide("/hub/home", "asthma", token("trevolution", "asthma"));

    assertThat(refreshes).hasValue(0);
  }

  @Test
  void decideWhenRefreshSaysInvalidGrantThenSessionEnds() {
    String token = token("trevolution", "asthma");
    clock.advance(Duration.ofMinutes(8));
    refreshOutcome = SessionRefresher.Outcome.ENDED;

    assertThat(decide("/hub/home", "asthma", token).status()).isEqualTo(401);
    assertThat(sessions.isEnded(sid)).isTrue();
    assertThat(audited)
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo("token.refresh-failed"));
  }

  @Test
  void decideWhenKeycloakUnavailableThenCurrentTokenServesUntilExpiry() {
    String token = token("trevolution", "asthma");
    clock.advance(Duration.ofMinutes(8));
    refreshOutcome = SessionRefresher.Outcome.UNAVAILABLE;

    GatewayAnswer answer = decide("/hub/home", "asthma", token);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.renewedToken()).isNull();
  }

  private static DirectorySnapshot withoutGroups(DirectorySnapshot source, String username) {
    List<DirectoryUser> users = new ArrayList<>();
    for (DirectoryUser user : source.users()) {
      users.add(
          user.name().equals(username)
              ? new DirectoryUser(
                  user.name(), user.username(), user.email(), user.enabled(), List.of())
              : user);
    }
    List<io.k8tre.portal.directory.DirectoryGroup> groups = new ArrayList<>();
    for (io.k8tre.portal.directory.DirectoryGroup group : source.groups()) {
      groups.add(
          new io.k8tre.portal.directory.DirectoryGroup(
              group.name(),
              group.description(),
              group.members().stream().filter(m -> !m.equals(username)).toList(),
              group.projects(),
              group.subgroups()));
    }
    return DirectorySnapshot.of(users, groups, new ArrayList<>(source.projects()), List.of());
  }
}
