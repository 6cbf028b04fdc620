package io.k8tre.portal.audit;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.login.PortalUser;
import io.k8tre.portal.web.DirectoryPages;
import io.k8tre.portal.web.PageException;
import jakarta.servlet.http.HttpServletRequest;
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
  record Filters(String user, String app, String outcome, String from, String to) {

    /**
     * Read by name, not bound: a parameter such as {@code user[0]} is no filter and is ignored,
     * rather than sent to a property binder.
     */
    static Filters of(HttpServletRequest request) {
      return new Filters(
          request.getParameter("user"),
          request.getParameter("app"),
          request.getParameter("outcome"),
          request.getParameter("from"),
          request.getParameter("to"));
    }
  }

  /** The trails this person may read; 403 for someone who administers nothing. */
  @GetMapping("/audit")
  String index(Authentication authentication, Model model) {
    PortalUser me = DirectoryPages.requireUser(authentication);
    List<String> projects = access.auditable(authentication, directory.snapshot());
    boolean platformAdmin = access.isPlatformAdmin(authentication);
    if (projects.isEmpty() && !platformAdmin) {
      throw new PageException(
          HttpStatus.FORBIDDEN,
          "audit.not-admin",
          "Only project administrators and platform administrators can read audit trails.");
    }
    model.addAttribute("user", me);
    model.addAttribute("projects", projects);
    model.addAttribute("platformAdmin", platformAdmin);
    return "audit-index";
  }

  /** The form on the index for a project no longer in the directory. */
  @GetMapping("/audit/open")
  String open(HttpServletRequest request, Authentication authentication) {
    String project = request.getParameter("project");
    if (project == null || project.isBlank()) {
      return "redirect:/audit";
    }
    project = project.strip();
    requireAuditor(authentication, project);
    return "redirect:/audit/projects/" + project;
  }

  @GetMapping("/audit/projects/{project}")
  String project(
      @PathVariable String project,
      HttpServletRequest request,
      Authentication authentication,
      Model model) {
    PortalUser me = requireAuditor(authentication, project);
    Filters filters = Filters.of(request);
    AuditQuery query = query(project, filters);
    model.addAttribute("user", me);
    model.addAttribute("project", project);
    model.addAttribute("filters", query);
    model.addAttribute("from", filters.from());
    model.addAttribute("to", filters.to());
    model.addAttribute("events", store.find(query));
    // A removed project's trail stays readable; the page says the project is gone.
    model.addAttribute("known", directory.snapshot().project(project).isPresent());
    return "audit";
  }

  @GetMapping("/audit/projects/{project}/export.csv")
  void export(
      @PathVariable String project,
      HttpServletRequest request,
      Authentication authentication,
      HttpServletResponse response)
      throws IOException {
    requireAuditor(authentication, project);
    Filters filters = Filters.of(request);
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
    if (access.mayAudit(authentication, directory.snapshot(), project)) {
      return me;
    }
    throw notAdmin();
  }

  private static PageException notAdmin() {
    return new PageException(
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

  /** Blank is no filter; a value no name can have (control characters, overlong) is a 400. */
  private static String blankToNull(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > 253 || v.chars().anyMatch(Character::isISOControl)) {
      throw new PageException(
          HttpStatus.BAD_REQUEST,
          "filter.value",
          "A filter is a name of at most 253 characters, without control characters.");
    }
    return v;
  }

  /** A date (yyyy-mm-dd) as the start of that day in UTC, plus {@code addDays}. */
  private static Instant day(String value, int addDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      date = null;
    }
    // Four-digit years only: PostgreSQL's timestamps end in 294276, Java's dates much later.
    if (date == null || date.getYear() < 1000 || date.getYear() > 9998) {
      throw new PageException(
          HttpStatus.BAD_REQUEST,
          "filter.date",
          "Dates are written as yyyy-mm-dd, with a four-digit year.");
    }
    return date.plusDays(addDays).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
