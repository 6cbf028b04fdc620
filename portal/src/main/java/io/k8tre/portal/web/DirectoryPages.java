package io.k8tre.portal.web;

import io.k8tre.portal.access.AccessReason;
import io.k8tre.portal.access.Decision;
import io.k8tre.portal.directory.DirectorySnapshot;
import io.k8tre.portal.login.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** Shared steps of the pages and JSON endpoints that read the directory for a person. */
public final class DirectoryPages {

  private DirectoryPages() {}

  /** The signed-in person, or a 403 page when the sign-in named nobody usable. */
  public static PortalUser requireUser(Authentication authentication) {
    return PortalUser.of(authentication)
        .orElseThrow(
            () ->
                new PageException(
                    HttpStatus.FORBIDDEN,
                    "user.unnamed",
                    "Your sign-in did not carry a username this portal can use."));
  }

  /** Whether the person can have projects at all: known to the directory and enabled. */
  static Decision standing(DirectorySnapshot snapshot, String username) {
    return snapshot
        .user(username)
        .map(u -> u.enabled() ? Decision.allow() : Decision.deny(AccessReason.USER_DISABLED))
        .orElse(Decision.deny(AccessReason.USER_UNKNOWN));
  }

  /** Throws the page for a denied decision: 404 for an unknown project or app, else 403. */
  static void requireAllowed(Decision decision) {
    if (decision.allowed()) {
      return;
    }
    AccessReason reason = decision.reason();
    HttpStatus status =
        reason == AccessReason.PROJECT_UNKNOWN || reason == AccessReason.APP_UNKNOWN
            ? HttpStatus.NOT_FOUND
            : HttpStatus.FORBIDDEN;
    throw new PageException(status, reason.code(), reason.explanation());
  }
}
