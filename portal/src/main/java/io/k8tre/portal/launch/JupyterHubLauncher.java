package io.k8tre.portal.launch;

import io.k8tre.portal.directory.ProjectApp;
import io.k8tre.portal.gateway.AuthCookieWriter;
import io.k8tre.portal.gateway.ProjectTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Launches a JupyterHub app: mints the project token, sets it (and the current project) as cookies
 * on the environment's domain, and sends the browser to the hub's login, which reads the signed
 * identity headers the gateway adds and goes on to spawn the project's server. No token travels in
 * the URL.
 */
@Component
public class JupyterHubLauncher {

  private final ProjectTokens tokens;
  private final AuthCookieWriter cookies;

  JupyterHubLauncher(ProjectTokens tokens, AuthCookieWriter cookies) {
    this.tokens = tokens;
    this.cookies = cookies;
  }

  /** The cookies to set and where to go. */
  public record Launch(String location, HttpHeaders headers) {}

  public Launch launch(Person person, String project, ProjectApp app, String sid) {
    String token = tokens.mint(person.subject(), person.username(), person.email(), project, sid);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.SET_COOKIE, cookies.token(project, token).toString());
    headers.add(HttpHeaders.SET_COOKIE, cookies.current(project).toString());
    headers.add(HttpHeaders.CACHE_CONTROL, "no-store");
    return new Launch(hubLogin(app.url()), headers);
  }

  /** {@code <hub>/login?next=<hub path>/spawn}: log in from the headers, then start the server. */
  static String hubLogin(String hubUrl) {
    String base = hubUrl.endsWith("/") ? hubUrl.substring(0, hubUrl.length() - 1) : hubUrl;
    String path = URI.create(base).getRawPath();
    String next = (path == null ? "" : path) + "/spawn";
    return base + "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  /** Who is launching, as the token names them. */
  public record Person(String subject, String username, String email) {}
}
