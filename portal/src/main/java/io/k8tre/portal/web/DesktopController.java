package io.k8tre.portal.web;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.ProjectApp;
import io.k8tre.portal.launch.Desktop;
import io.k8tre.portal.launch.DesktopLauncher;
import io.k8tre.portal.launch.GuacamoleClient;
import io.k8tre.portal.login.PortalUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A person's desktops: the progress page a Launch lands on, its JSON twin, the list, Stop and the
 * step into Guacamole. Every path names the desktop, so every handler checks that it is the
 * caller's own (403 otherwise) before anything else.
 */
@Controller
class DesktopController {

  private final Directory directory;
  private final ObjectProvider<DesktopLauncher> launcher;

  DesktopController(Directory directory, ObjectProvider<DesktopLauncher> launcher) {
    this.directory = directory;
    this.launcher = launcher;
  }

  @GetMapping("/desktops")
  String list(Authentication authentication, Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    model.addAttribute("user", user);
    model.addAttribute("desktops", launcher().list(user.username()));
    return "desktops";
  }

  @GetMapping("/api/desktops")
  @ResponseBody
  Map<String, Object> listJson(Authentication authentication) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    List<Map<String, Object>> desktops =
        launcher().list(user.username()).stream().map(DesktopController::json).toList();
    return Map.of("desktops", desktops);
  }

  @GetMapping("/desktops/{project}/{name}")
  String status(
      @PathVariable String project,
      @PathVariable String name,
      Authentication authentication,
      Model model) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    Desktop desktop = owned(user, project, name);
    model.addAttribute("user", user);
    model.addAttribute("desktop", desktop);
    model.addAttribute("json", statusPath(desktop, "/api"));
    model.addAttribute("connect", statusPath(desktop, "") + "/connect");
    return "desktop-status";
  }

  @GetMapping("/api/desktops/{project}/{name}")
  @ResponseBody
  Map<String, Object> statusJson(
      @PathVariable String project, @PathVariable String name, Authentication authentication) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    return json(owned(user, project, name));
  }

  /** A POST with the CSRF token (Spring Security checks it before this runs). */
  @PostMapping("/desktops/{project}/{name}/stop")
  String stop(
      @PathVariable String project, @PathVariable String name, Authentication authentication) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    Desktop desktop = owned(user, project, name);
    launcher().stop(user.username(), desktop);
    return "redirect:/desktops";
  }

  @GetMapping("/desktops/{project}/{name}/connect")
  String connect(
      @PathVariable String project, @PathVariable String name, Authentication authentication) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    Desktop desktop = owned(user, project, name);
    DirectorySnapshot snapshot = directory.snapshot();
    ProjectApp app = vdiApp(snapshot, user, project, desktop.app());
    if (!desktop.isReady()) {
      return "redirect:" + statusPath(desktop, "");
    }
    Optional<DesktopLauncher.Connection> connection =
        launcher().connect(user.username(), desktop, app);
    if (connection.isEmpty()) {
      return "redirect:" + statusPath(desktop, "");
    }
    if (connection.get().location() != null) {
      return "redirect:" + connection.get().location();
    }
    throw failure(connection.get().answer());
  }

  private Desktop owned(PortalUser user, String project, String name) {
    DesktopLauncher.Lookup lookup = launcher().find(user.username(), project, name);
    if (lookup.refusal() == DesktopLauncher.Refusal.NOT_OWNER) {
      throw new PageException(
          HttpStatus.FORBIDDEN, "desktop.not-owner", "This desktop belongs to someone else.");
    }
    if (lookup.refusal() == DesktopLauncher.Refusal.NOT_FOUND) {
      throw new PageException(
          HttpStatus.NOT_FOUND,
          "desktop.unknown",
          "There is no such desktop. It may have been stopped; launch it again from the project.");
    }
    return lookup.desktop();
  }

  /** The app the desktop came from, still listed and still allowed; else the project's first. */
  private static ProjectApp vdiApp(
      DirectorySnapshot snapshot, PortalUser user, String project, String appName) {
    DirectoryPages.requireAllowed(AccessPolicy.decideProject(snapshot, user.username(), project));
    return snapshot
        .project(project)
        .flatMap(
            p ->
                p.apps().stream()
                    .filter(a -> "vdi".equals(a.type()))
                    .filter(a -> appName == null || appName.equals(a.name()))
                    .findFirst())
        .orElseThrow(
            () ->
                new PageException(
                    HttpStatus.NOT_FOUND,
                    "app.unknown",
                    "The project no longer lists a desktop app."));
  }

  private static PageException failure(GuacamoleClient.Answer answer) {
    return switch (answer) {
      case GuacamoleClient.Unreachable u when "timeout".equals(u.kind()) ->
          new PageException(
              HttpStatus.GATEWAY_TIMEOUT,
              "guacamole.timeout",
              "Guacamole did not answer in time. Try again in a minute.");
      case GuacamoleClient.Unreachable u ->
          new PageException(
              HttpStatus.BAD_GATEWAY,
              "guacamole.unreachable",
              "Guacamole cannot be reached right now. Try again later or tell the operators.");
      case GuacamoleClient.Refused r when r.status() == 0 ->
          new PageException(
              HttpStatus.SERVICE_UNAVAILABLE,
              "guacamole.not-configured",
              "The portal has no Guacamole key configured, so it cannot open desktops.");
      case GuacamoleClient.Refused r ->
          new PageException(
              HttpStatus.BAD_GATEWAY,
              "guacamole.refused",
              "Guacamole refused to open your desktop. The operators have the details.");
      case GuacamoleClient.Granted g ->
          new PageException(HttpStatus.INTERNAL_SERVER_ERROR, "guacamole.unexpected", "");
    };
  }

  private DesktopLauncher launcher() {
    DesktopLauncher found = launcher.getIfAvailable();
    if (found == null) {
      throw new PageException(
          HttpStatus.NOT_FOUND,
          "desktops.disabled",
          "Desktops need a Kubernetes cluster; this portal runs without one.");
    }
    return found;
  }

  static String statusPath(Desktop desktop, String prefix) {
    return prefix + "/desktops/" + desktop.project() + "/" + desktop.name();
  }

  static Map<String, Object> json(Desktop desktop) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", desktop.name());
    json.put("project", desktop.project());
    json.put("app", desktop.app());
    json.put("state", desktop.state().word());
    json.put("phase", desktop.phase());
    json.put("ready", desktop.isReady());
    json.put("message", desktop.message());
    json.put("statusUrl", statusPath(desktop, ""));
    json.put("connectUrl", desktop.isReady() ? statusPath(desktop, "") + "/connect" : null);
    return json;
  }
}
