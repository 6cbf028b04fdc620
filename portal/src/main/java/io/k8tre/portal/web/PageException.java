package io.k8tre.portal.web;

import org.springframework.http.HttpStatus;

/**
 * A request that ends on an error page or problem answer: its status, a machine-readable reason
 * code and one sentence for the person. Never carries user input unescaped or internal detail.
 */
public class PageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String reason;
  private final String explanation;

  public PageException(HttpStatus status, String reason, String explanation) {
    super(status.value() + " " + reason);
    this.status = status;
    this.reason = reason;
    this.explanation = explanation;
  }

  HttpStatus status() {
    return status;
  }

  String reason() {
    return reason;
  }

  String explanation() {
    return explanation;
  }
}
