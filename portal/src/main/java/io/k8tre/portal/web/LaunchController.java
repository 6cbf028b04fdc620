package io.k8tre.portal.web;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.access.Decision;
import io.k8tre.portal.audit.Audits;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.ProjectApp;
import io.k8tre.portal.launch.Desktop;
import io.k8tre.portal.launch.DesktopLauncher;
import io.k8tre.portal.launch.JupyterHubLauncher;
import io.k8tre.portal.login.PortalUser;
import io.k8tre.portal.session.SessionAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Launch button's target. Membership and the app are checked first, so nothing is minted or
 * started for a project the person does not belong to.
 */
@Controller
class LaunchController {

  private static final Logger log = LoggerFactory.getLogger(LaunchController.class);

  private final Directory directory;
  private final JupyterHubLauncher jupyterHub;
  private final ObjectProvider<DesktopLauncher> desktops;
  private final Audits audits;

  LaunchController(
      Directory directory,
      JupyterHubLauncher jupyterHub,
      ObjectProvider<DesktopLauncher> desktops,
      Audits audits) {
    this.audits = audits;
    this.directory = directory;
    this.jupyterHub = jupyterHub;
    this.desktops = desktops;
  }

  @GetMapping("/launch/{project}/{app}")
  String launch(
      @PathVariable String project,
      @PathVariable String app,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    DirectorySnapshot snapshot = directory.snapshot();
    Decision decision = AccessPolicy.decideApp(snapshot, user.username(), project, app);
    if (!decision.allowed()) {
      // Who was refused which project's app is part of the record of access, as at the gateway.
      audits.record(
          request, "launch", user.username(), project, app, "deny", decision.reason().code());
    }
    DirectoryPages.requireAllowed(decision);
    ProjectApp found = snapshot.project(project).flatMap(p -> p.app(app)).orElseThrow();

    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SessionAttributes.SID) instanceof String sid)) {
      String back = "/launch/" + project + "/" + app;
      return "redirect:/login?redirect=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }
    if ("jupyterhub".equals(found.type())) {
      OidcUser oidc = (OidcUser) authentication.getPrincipal();
      JupyterHubLauncher.Launch launch =
          jupyterHub.launch(
              new JupyterHubLauncher.Person(oidc.getSubject(), user.username(), user.email()),
              project,
              found,
              sid);
      launch.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      log.info(
          "Launch: user={} project={} app={} type={}", user.username(), project, app, found.type());
      audits.record(request, "launch", user.username(), project, app, "allow", "access.member");
      return "redirect:" + launch.location();
    }
    if ("vdi".equals(found.type())) {
      DesktopLauncher desktops = this.desktops.getIfAvailable();
      if (desktops == null) {
        // The demo has no cluster: say so plainly rather than fail.
        model.addAttribute("user", user);
        model.addAttribute("project", snapshot.project(project).orElseThrow());
        model.addAttribute("app", found);
        return "desktop-needs-cluster";
      }
      Desktop desktop = desktops.launch(user.username(), project, found);
      audits.record(request, "launch", user.username(), project, app, "allow", "access.member");
      return "redirect:" + DesktopController.statusPath(desktop, "");
    }
    model.addAttribute("user", user);
    model.addAttribute("project", snapshot.project(project).orElseThrow());
    model.addAttribute("app", found);
    response.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
    return "launch-unavailable";
  }
}
