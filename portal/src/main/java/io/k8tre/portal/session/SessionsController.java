package io.k8tre.portal.session;

import io.k8tre.portal.audit.AuditAccess;
import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.login.KeycloakSingleSignOut;
import io.k8tre.portal.login.PortalUser;
import io.k8tre.portal.web.DirectoryPages;
import io.k8tre.portal.web.PageException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's active portal sessions, and ending them: one, or all. Platform admins may do the same
 * for anyone. Ending marks the login ended (the gateway refuses its tokens on every replica within
 * a second or two) and deletes its server-side session with Keycloak's tokens.
 */
@Controller
class SessionsController {

  private static final Logger log = LoggerFactory.getLogger(SessionsController.class);

  /** What Keycloak accepts as a user name, less control characters and the oversized. */
  private static final Pattern USER = Pattern.compile("[^\\p{Cntrl}]{1,255}");

  private final PortalSessions sessions;
  private final SessionRepository<? extends Session> httpSessions;
  private final AuditAccess access;
  private final Audits audits;
  private final KeycloakSingleSignOut singleSignOut;
  private final Directory directory;

  SessionsController(
      PortalSessions sessions,
      SessionRepository<? extends Session> httpSessions,
      AuditAccess access,
      Audits audits,
      KeycloakSingleSignOut singleSignOut,
      Directory directory) {
    this.singleSignOut = singleSignOut;
    this.directory = directory;
    this.sessions = sessions;
    this.httpSessions = httpSessions;
    this.access = access;
    this.audits = audits;
  }

  @GetMapping("/sessions")
  String list(
      @RequestParam(name = "user", required = false) String user,
      Authentication authentication,
      HttpServletRequest request,
      Model model) {
    PortalUser me = DirectoryPages.requireUser(authentication);
    String subject = subject(user, me, authentication);
    model.addAttribute("user", me);
    model.addAttribute("subject", subject);
    model.addAttribute("sessions", sessions.activeOf(subject));
    model.addAttribute("currentSid", currentSid(request));
    model.addAttribute("platformAdmin", access.isPlatformAdmin(authentication));
    // Someone unknown to the directory may still have sessions (removed since signing in).
    model.addAttribute("known", directory.snapshot().user(subject).isPresent());
    return "sessions";
  }

  @PostMapping("/sessions/{sid}/end")
  String end(
      @PathVariable String sid,
      @RequestParam(name = "user", required = false) String user,
      Authentication authentication,
      HttpServletRequest request) {
    PortalUser me = DirectoryPages.requireUser(authentication);
    String subject = subject(user, me, authentication);
    PortalSession target =
        sessions
            .find(sid)
            .filter(s -> s.username().equals(subject) && s.isActive())
            .orElseThrow(
                () ->
                    new PageException(
                        HttpStatus.NOT_FOUND,
                        "session.unknown",
                        "There is no such active session."));
    endOne(target, me, request);
    return afterEnding(List.of(target), request, subject, me);
  }

  @PostMapping("/sessions/end-all")
  String endAll(
      @RequestParam(name = "user", required = false) String user,
      Authentication authentication,
      HttpServletRequest request) {
    PortalUser me = DirectoryPages.requireUser(authentication);
    String subject = subject(user, me, authentication);
    List<PortalSession> active = sessions.activeOf(subject);
    active.forEach(s -> endOne(s, me, request));
    return afterEnding(active, request, subject, me);
  }

  private void endOne(PortalSession target, PortalUser by, HttpServletRequest request) {
    String reason =
        by.username().equals(target.username())
            ? "session.ended-by-owner"
            : "session.ended-by-admin";
    sessions.end(target.sid(), reason);
    Session held = httpSessions.findById(target.httpSessionId());
    if (held != null
        && held.getAttribute(SessionAuthorizedClients.ATTRIBUTE)
            instanceof OAuth2AuthorizedClient client) {
      // Else the browser's Keycloak cookie would sign it straight back in.
      singleSignOut.end(client, target.username());
    }
    httpSessions.deleteById(target.httpSessionId());
    audits.recordBy(
        request,
        by.username().equals(target.username()) ? null : by.username(),
        "session.revoked",
        target.username(),
        null,
        null,
        "ok",
        reason);
    log.info("Session ended: user={} by={}", target.username(), by.username());
  }

  private String afterEnding(
      List<PortalSession> ended, HttpServletRequest request, String subject, PortalUser me) {
    String current = currentSid(request);
    if (ended.stream().anyMatch(s -> s.sid().equals(current))) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      return "redirect:/logged-out";
    }
    return subject.equals(me.username())
        ? "redirect:/sessions"
        : "redirect:/sessions?user=" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  private String subject(String user, PortalUser me, Authentication authentication) {
    if (user == null || user.isBlank() || user.equals(me.username())) {
      return me.username();
    }
    if (!access.isPlatformAdmin(authentication)) {
      throw new PageException(
          HttpStatus.FORBIDDEN,
          "sessions.not-admin",
          "Only platform administrators can see other people's sessions.");
    }
    if (!USER.matcher(user).matches()) {
      throw new PageException(
          HttpStatus.BAD_REQUEST, "sessions.user-invalid", "That is not a user name.");
    }
    return user;
  }

  private static String currentSid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SessionAttributes.SID) instanceof String sid
        ? sid
        : null;
  }
}
