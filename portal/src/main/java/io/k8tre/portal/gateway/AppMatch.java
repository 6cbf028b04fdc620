package io.k8tre.portal.gateway;

import io.k8tre.portal.directory.DirectoryProject;
import io.k8tre.portal.directory.ProjectApp;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which of a project's apps a request is for, and what JupyterHub paths say about it. */
final class AppMatch {

  private static final Pattern SCOPED =
      Pattern.compile("^(?:/hub)?/user/([A-Za-z0-9._~-][^/]*)(?:/.*)?$");

  private AppMatch() {}

  /**
   * The project's app the request is for: among the apps served on the same host and port, the one
   * whose URL path is the longest prefix of the request's path, else the first of them.
   */
  static Optional<ProjectApp> byHost(DirectoryProject project, String authority, String path) {
    if (authority == null) {
      return Optional.empty();
    }
    ProjectApp prefixed = null;
    ProjectApp sameHost = null;
    for (ProjectApp app : project.apps()) {
      URI url = parse(app.url());
      if (url == null || !authority.equals(authority(url))) {
        continue;
      }
      if (sameHost == null) {
        sameHost = app;
      }
      String appPath = trimmedPath(url);
      boolean prefix =
          path != null
              && (appPath.isEmpty() || path.equals(appPath) || path.startsWith(appPath + "/"));
      if (prefix && (prefixed == null || appPath.length() > pathLength(prefixed))) {
        prefixed = app;
      }
    }
    return Optional.ofNullable(prefixed != null ? prefixed : sameHost);
  }

  /** Lower-case host, with the port when it is not the scheme's default. */
  static String authority(URI uri) {
    if (uri.getHost() == null) {
      return null;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
            || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
    return defaultPort ? host : host + ":" + port;
  }

  /**
   * The audience the identity headers are signed for: {@code jupyterhub} for JupyterHub, as its
   * authenticator requires; otherwise the app's type.
   */
  static String audience(ProjectApp app, String path) {
    if (app == null) {
      return path != null && (path.startsWith("/hub") || path.startsWith("/user/"))
          ? "jupyterhub"
          : "portal";
    }
    return "jupyterhub".equals(app.type()) ? "jupyterhub" : app.type();
  }

  /** The project-scoped JupyterHub user named by a {@code /user/<name>/} path, if any. */
  static String jupyterScopedName(String path) {
    if (path == null) {
      return null;
    }
    Matcher matcher = SCOPED.matcher(path);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private static String trimmedPath(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  /** App URLs are few and reused on every request: parse each once. */
  private static final Map<String, Optional<URI>> PARSED = new ConcurrentHashMap<>();

  private static URI parse(String url) {
    if (PARSED.size() > 10_000) {
      PARSED.clear();
    }
    return PARSED
        .computeIfAbsent(
            url,
            u -> {
              try {
                return Optional.of(URI.create(u));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  private static int pathLength(ProjectApp app) {
    URI url = parse(app.url());
    return url == null ? 0 : trimmedPath(url).length();
  }
}
