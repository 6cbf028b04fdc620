package io.k8tre.portal.audit;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.login.PortalUser;
import io.k8tre.portal.web.DirectoryPages;
import io.k8tre.portal.web.PageException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The record of access for data custodians: a project's timeline (its admins and platform admins),
 * every project (platform admins), a person's own recent activity, and CSV exports.
 */
@Controller
class AuditController {

  static final int PAGE = 500;
  private static final Pattern PROJECT = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

  private final AuditStore store;
  private final AuditAccess access;
  private final Directory directory;

  AuditController(AuditStore store, AuditAccess access, Directory directory) {
    this.store = store;
    this.access = access;
    this.directory = directory;
  }

  @GetMapping("/activity")
  String activity(Authentication authentication, Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    model.addAttribute("user", user);
    model.addAttribute(
        "events", store.find(new AuditQuery(null, user.username(), null, null, null, null, 200)));
    return "activity";
  }

  /** The timeline's filters, as query parameters; blank means any. */
  record Filters(String user, String app, String outcome, String from, String to) {}

  @GetMapping("/audit/projects/{project}")
  String project(
      @PathVariable String project,
      @ModelAttribute Filters filters,
      Authentication authentication,
      Model model) {
    PortalUser me = requireAuditor(authentication, project);
    AuditQuery query = query(project, filters);
    model.addAttribute("user", me);
    model.addAttribute("project", project);
    model.addAttribute("filters", query);
    model.addAttribute("from", filters.from());
    model.addAttribute("to", filters.to());
    model.addAttribute("events", store.find(query));
    return "audit";
  }

  @GetMapping("/audit/projects/{project}/export.csv")
  void export(
      @PathVariable String project,
      @ModelAttribute Filters filters,
      Authentication authentication,
      HttpServletResponse response)
      throws IOException {
    requireAuditor(authentication, project);
    List<AuditEvent> events = store.find(query(project, filters));
    response.setContentType("text/csv; charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + project + ".csv\"");
    response.setHeader("Cache-Control", "no-store");
    AuditCsv.write(events, new PrintWriter(response.getWriter()));
  }

  private PortalUser requireAuditor(Authentication authentication, String project) {
    PortalUser me = DirectoryPages.requireUser(authentication);
    if (!PROJECT.matcher(project).matches()) {
      // Project names are Kubernetes names; anything else is no project (and never reaches a
      // header or the page).
      throw new PageException(HttpStatus.NOT_FOUND, "project.unknown", "There is no such project.");
    }
    if (access.isPlatformAdmin(authentication)
        || access.isProjectAdmin(directory.snapshot(), me.username(), project)) {
      return me;
    }
    throw new PageException(
        HttpStatus.FORBIDDEN,
        "audit.not-admin",
        "Only the project's administrators and platform administrators can read its audit trail.");
  }

  private static AuditQuery query(String project, Filters f) {
    return new AuditQuery(
        project,
        blankToNull(f.user()),
        blankToNull(f.app()),
        blankToNull(f.outcome()),
        day(f.from(), 0),
        day(f.to(), 1),
        PAGE);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A date (yyyy-mm-dd) as the start of that day in UTC, plus {@code addDays}. */
  private static Instant day(String value, int addDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip())
          .plusDays(addDays)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new PageException(
          HttpStatus.BAD_REQUEST, "filter.date", "Dates are written as yyyy-mm-dd.");
    }
  }
}
