package io.k8tre.portal.internal;

import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.directory.DirectoryProject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-cluster API JupyterHub uses to map project-scoped users back to projects and to build each
 * project's profile list. Callers authenticate with their service-account token.
 */
@RestController
class InternalController {

  private static final Logger log = LoggerFactory.getLogger(InternalController.class);

  private final InternalCaller callers;
  private final Directory directory;

  InternalController(InternalCaller callers, Directory directory) {
    this.callers = callers;
    this.directory = directory;
  }

  @GetMapping("/internal/projects")
  ResponseEntity<?> projects(
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    InternalCaller.Verdict verdict = callers.check(authorization);
    if (!verdict.allowed()) {
      return refuse(verdict);
    }
    List<Map<String, String>> projects =
        directory.snapshot().projects().stream()
            .sorted(Comparator.comparing(DirectoryProject::name))
            .map(p -> Map.of("name", p.name()))
            .toList();
    return ResponseEntity.ok(Map.of("projects", projects));
  }

  @GetMapping("/internal/projects/{project}/profiles")
  ResponseEntity<?> profiles(
      @PathVariable String project,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    InternalCaller.Verdict verdict = callers.check(authorization);
    if (!verdict.allowed()) {
      return refuse(verdict);
    }
    return directory
        .snapshot()
        .project(project)
        .<ResponseEntity<?>>map(p -> ResponseEntity.ok(Map.of("profiles", p.profiles())))
        .orElseGet(
            () ->
                ResponseEntity.status(404)
                    .body(Map.of("status", 404, "reason", "project.unknown")));
  }

  private static ResponseEntity<?> refuse(InternalCaller.Verdict verdict) {
    log.info(
        "Internal API refused: decision=deny decision.reason={} account={}",
        verdict.reason(),
        verdict.account() == null ? "-" : verdict.account());
    return ResponseEntity.status(verdict.status())
        .body(Map.of("status", verdict.status(), "reason", verdict.reason()));
  }
}
