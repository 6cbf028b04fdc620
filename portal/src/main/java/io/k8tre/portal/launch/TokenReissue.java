package io.k8tre.portal.launch;

import io.k8tre.portal.access.AccessPolicy;
import io.k8tre.portal.directory.Directory;
import io.k8tre.portal.gateway.AuthCookieWriter;
import io.k8tre.portal.gateway.ProjectTokens;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A fresh project token for a person who is still logged in to the portal but whose token ran out
 * while away: nginx sent them to {@code /login} with the app's address, and the project they last
 * launched ({@code k8tre-project}) names which token to renew — if they still belong to it.
 */
@Component
public class TokenReissue {

  private final Directory directory;
  private final ProjectTokens tokens;
  private final AuthCookieWriter cookies;

  TokenReissue(Directory directory, ProjectTokens tokens, AuthCookieWriter cookies) {
    this.directory = directory;
    this.tokens = tokens;
    this.cookies = cookies;
  }

  /** The token cookie to set, or empty when the person may not (or need not) have one. */
  public Optional<ResponseCookie> forProject(
      JupyterHubLauncher.Person person, String project, String sid) {
    if (project == null || sid == null) {
      return Optional.empty();
    }
    if (!AccessPolicy.decideProject(directory.snapshot(), person.username(), project).allowed()) {
      return Optional.empty();
    }
    String token = tokens.mint(person.subject(), person.username(), person.email(), project, sid);
    return Optional.of(cookies.token(project, token));
  }
}
