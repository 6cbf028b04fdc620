package io.k8tre.portal.gateway;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.access.AccessReason;
import io.k8tre.portal.access.Decision;
import io.k8tre.portal.audit.AuditEvent;
import io.k8tre.portal.audit.AuditLog;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.ProjectApp;
import io.k8tre.portal.session.PortalSessions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The access decision for one proxied request. Touches only memory on the way to an answer (the
 * token cache, the directory snapshot, the ended-session set); Keycloak is called only when a token
 * is in its last minutes and due for renewal.
 */
public class Gateway {

  private final ProjectTokens tokens;
  private final Directory directory;
  private final Duration maxStaleness;
  private final PortalSessions sessions;
  private final SessionRefresher refresher;
  private final Duration refreshWindow;
  private final Clock clock;
  private final AuditLog audit;
  private final HubNames hubNames = new HubNames();

  public Gateway(
      ProjectTokens tokens,
      Directory directory,
      Duration maxStaleness,
      PortalSessions sessions,
      SessionRefresher refresher,
      Duration refreshWindow,
      Clock clock,
      AuditLog audit) {
    this.audit = audit;
    this.tokens = tokens;
    this.directory = directory;
    this.maxStaleness = maxStaleness;
    this.sessions = sessions;
    this.refresher = refresher;
    this.refreshWindow = refreshWindow;
    this.clock = clock;
  }

  public GatewayAnswer decide(GatewayRequest request) {
    TokenChoice choice = TokenChoice.of(request);
    if (choice == null) {
      return GatewayAnswer.unauthenticated(TokenProblem.MISSING.code());
    }
    ProjectTokens.Verification verification = tokens.verify(choice.token());
    if (!verification.isValid()) {
      return GatewayAnswer.unauthenticated(verification.problem().code());
    }
    ProjectToken token = verification.token().orElseThrow();
    if (sessions.isEnded(token.sessionId())) {
      return GatewayAnswer.unauthenticated("session.ended");
    }
    if (choice.project() != null && !choice.project().equals(token.project())) {
      return GatewayAnswer.forbidden("token.project-mismatch", token);
    }
    if (choice.scopedName() != null
        && !choice.scopedName().equals(token.username() + "-" + token.project())) {
      return GatewayAnswer.forbidden("token.user-mismatch", token);
    }
    if (directory.staleFor().compareTo(maxStaleness) > 0) {
      return GatewayAnswer.forbidden("directory.stale", token);
    }
    return decideAccess(request, token);
  }

  private GatewayAnswer decideAccess(GatewayRequest request, ProjectToken token) {
    DirectorySnapshot snapshot = directory.snapshot();
    Optional<ProjectApp> app =
        snapshot
            .project(token.project())
            .flatMap(p -> AppMatch.byHost(p, request.host(), request.path()));
    Decision decision = AccessPolicy.decideProject(snapshot, token.username(), token.project());
    if (decision.allowed() && request.host() != null && app.isEmpty()) {
      decision = Decision.deny(AccessReason.APP_UNKNOWN);
    }
    if (!decision.allowed()) {
      return GatewayAnswer.forbidden(decision.reason().code(), token);
    }
    String audience = AppMatch.audience(app.orElse(null), request.path());
    if ("jupyterhub".equals(audience)
        && hubNames.isAmbiguous(snapshot, token.username(), token.project())) {
      return GatewayAnswer.forbidden("hub-name.ambiguous", token);
    }
    String renewed = null;
    if (isDue(token)) {
      SessionRefresher.Outcome outcome = refresher.refresh(token.sessionId());
      if (outcome == SessionRefresher.Outcome.ENDED) {
        sessions.end(token.sessionId(), "refresh.invalid-grant");
        audit.record(
            new AuditEvent(
                clock.instant(),
                "token.refresh-failed",
                token.username(),
                token.project(),
                app.map(ProjectApp::name).orElse(null),
                "deny",
                "refresh.invalid-grant",
                null,
                null,
                1));
        return GatewayAnswer.unauthenticated("session.ended");
      }
      if (outcome == SessionRefresher.Outcome.RENEWED) {
        renewed =
            tokens.mint(
                token.subject(),
                token.username(),
                token.email(),
                token.project(),
                token.sessionId());
      }
    }
    sessions.touch(token.sessionId());
    return new GatewayAnswer(
        200, AccessReason.MEMBER.code(), token, app.orElse(null), audience, renewed);
  }

  private boolean isDue(ProjectToken token) {
    return !clock.instant().isBefore(token.expiresAt().minus(refreshWindow));
  }

  /** Which token cookie the request's own URL and cookies point at. */
  record TokenChoice(String project, String token, String scopedName) {

    static TokenChoice of(GatewayRequest request) {
      Map<String, String> cookies = request.tokens();
      String scoped = AppMatch.jupyterScopedName(request.path());
      if (scoped != null) {
        String project = longestSuffixProject(scoped, cookies);
        return project == null ? null : new TokenChoice(project, cookies.get(project), scoped);
      }
      String current = request.currentProject();
      if (current != null && cookies.containsKey(current)) {
        return new TokenChoice(current, cookies.get(current), null);
      }
      if (cookies.size() == 1) {
        Map.Entry<String, String> only = cookies.entrySet().iterator().next();
        return new TokenChoice(only.getKey(), only.getValue(), null);
      }
      // A bearer token is considered last: apps' own API tokens (JupyterHub's) travel there too.
      if (request.bearer() != null && request.bearer().chars().filter(c -> c == '.').count() == 2) {
        return new TokenChoice(null, request.bearer(), null);
      }
      return null;
    }

    private static String longestSuffixProject(String scoped, Map<String, String> cookies) {
      String best = null;
      for (String project : cookies.keySet()) {
        if (scoped.endsWith("-" + project) && (best == null || project.length() > best.length())) {
          best = project;
        }
      }
      return best;
    }
  }
}
