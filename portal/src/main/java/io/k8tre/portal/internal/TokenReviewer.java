package io.k8tre.portal.internal;

import java.util.Optional;

/** Asks the cluster who a service-account token belongs to. */
interface TokenReviewer {

  /** The authenticated user name, or empty when the token is not valid for the audiences. */
  Optional<String> review(String token);
}
