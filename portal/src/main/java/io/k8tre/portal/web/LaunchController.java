package io.k8tre.portal.web;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.login.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Launch button's target. Membership and the app are checked first, so nothing is ever started
 * for a project the person does not belong to.
 */
@Controller
class LaunchController {

  private final Directory directory;

  LaunchController(Directory directory) {
    this.directory = directory;
  }

  // TODO(#3): mint the project token and redirect to JupyterHub — needs the gateway's keys.
  // TODO(#4): create the VDIInstance and show its progress — needs the VDI operator.
  @GetMapping("/launch/{project}/{app}")
  String launch(
      @PathVariable String project,
      @PathVariable String app,
      Authentication authentication,
      HttpServletResponse response,
      Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    DirectorySnapshot snapshot = directory.snapshot();

    DirectoryPages.requireAllowed(AccessPolicy.decideApp(snapshot, user.username(), project, app));
    model.addAttribute("user", user);
    model.addAttribute("project", snapshot.project(project).orElseThrow());
    model.addAttribute("app", snapshot.project(project).flatMap(p -> p.app(app)).orElseThrow());
    response.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
    return "launch-unavailable";
  }
}
