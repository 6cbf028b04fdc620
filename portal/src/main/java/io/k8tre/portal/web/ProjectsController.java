package io.k8tre.portal.web;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.audit.AuditAccess;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.login.PortalUser;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/** The dashboard: the person's projects, and one project's apps. */
@Controller
class ProjectsController {

  private final Directory directory;
  private final AuditAccess audit;

  ProjectsController(Directory directory, AuditAccess audit) {
    this.directory = directory;
    this.audit = audit;
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    PortalUser.of(authentication).ifPresent(user -> model.addAttribute("user", user));
    return "index";
  }

  @GetMapping("/projects")
  String projects(Authentication authentication, Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    DirectorySnapshot snapshot = directory.snapshot();

    model.addAttribute("user", user);
    model.addAttribute("projects", AccessPolicy.projectsOf(snapshot, user.username()));
    model.addAttribute("standing", DirectoryPages.standing(snapshot, user.username()));
    model.addAttribute("auditable", audit.auditable(authentication, snapshot));
    model.addAttribute("platformAdmin", audit.isPlatformAdmin(authentication));
    return "projects";
  }

  /** The address people guess for a project: its page is the list of its apps. */
  @GetMapping("/projects/{project}")
  String project(@PathVariable String project) {
    return "redirect:/projects/"
        + UriUtils.encodePathSegment(project, StandardCharsets.UTF_8)
        + "/apps";
  }

  @GetMapping("/projects/{project}/apps")
  String apps(@PathVariable String project, Authentication authentication, Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    DirectorySnapshot snapshot = directory.snapshot();

    DirectoryPages.requireAllowed(AccessPolicy.decideProject(snapshot, user.username(), project));
    model.addAttribute("user", user);
    model.addAttribute("project", snapshot.project(project).orElseThrow());
    model.addAttribute("auditable", audit.mayAudit(authentication, snapshot, project));
    return "apps";
  }
}
