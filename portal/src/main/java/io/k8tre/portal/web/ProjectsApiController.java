package io.k8tre.portal.web;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.directory.ProjectApp;
import io.k8tre.portal.login.PortalUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's data as JSON, in the shapes K8TRE's portal used ({@code {"projects": [...]}},
 * {@code {"apps": [...]}}), for scripts and the JupyterHub side.
 */
@RestController
class ProjectsApiController {

  private final Directory directory;

  ProjectsApiController(Directory directory) {
    this.directory = directory;
  }

  record ProjectSummary(String name, String description) {}

  record AppSummary(String name, String type, String url, Map<String, String> config) {}

  @GetMapping("/api/projects")
  Map<String, List<ProjectSummary>> projects(Authentication authentication) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    List<ProjectSummary> projects =
        AccessPolicy.projectsOf(directory.snapshot(), user.username()).stream()
            .map(p -> new ProjectSummary(p.name(), p.description()))
            .toList();
    return Map.of("projects", projects);
  }

  @GetMapping("/api/projects/{project}/apps")
  Map<String, List<AppSummary>> apps(@PathVariable String project, Authentication authentication) {
    PortalUser user = DirectoryPages.requireUser(authentication);
    DirectorySnapshot snapshot = directory.snapshot();

    DirectoryPages.requireAllowed(AccessPolicy.decideProject(snapshot, user.username(), project));
    DirectoryProject found = snapshot.project(project).orElseThrow();
    List<AppSummary> apps = found.apps().stream().map(ProjectsApiController::summary).toList();
    return Map.of("apps", apps);
  }

  private static AppSummary summary(ProjectApp app) {
    return new AppSummary(app.name(), app.type(), app.url(), app.config());
  }
}
