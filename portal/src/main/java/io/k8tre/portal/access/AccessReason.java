package io.k8tre.portal.access;

/** Why an access decision came out as it did; the codes are stable for logs and audit. */
public enum AccessReason {
  MEMBER("access.member", "You are a member of this project."),
  USER_UNKNOWN("user.unknown", "Your account is not registered in this research environment."),
  USER_DISABLED("user.disabled", "Your account in this research environment is disabled."),
  PROJECT_UNKNOWN("project.unknown", "This project does not exist."),
  NOT_MEMBER("project.not-member", "You are not a member of this project."),
  APP_UNKNOWN("app.unknown", "This project does not offer that app.");

  private final String code;
  private final String explanation;

  AccessReason(String code, String explanation) {
    this.code = code;
    this.explanation = explanation;
  }

  /** Returns the machine-readable reason, for example {@code user.disabled}. */
  public String code() {
    return code;
  }

  /** Returns one plain sentence a person can read on an error page. */
  public String explanation() {
    return explanation;
  }
}
