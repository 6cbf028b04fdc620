package io.k8tre.portal.login;

/** Keycloak could not be reached, so no login can start now. */
public class IdentityProviderUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdentityProviderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
