package io.k8tre.portal.directory;

/** A manifest that cannot become part of the directory; the message says why, for people. */
final class InvalidManifestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String object;

  InvalidManifestException(String object, String reason) {
    super(reason);
    this.object = object;
  }

  String object() {
    return object;
  }
}
