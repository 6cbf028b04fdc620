package io.k8tre.portal.gateway;

/** Why a presented project token was not accepted; every one is a 401. */
public enum TokenProblem {
  MISSING("token.missing"),
  MALFORMED("token.malformed"),
  ALGORITHM("token.algorithm"),
  UNKNOWN_KEY("token.unknown-key"),
  SIGNATURE("token.signature"),
  ISSUER("token.issuer"),
  AUDIENCE("token.audience"),
  EXPIRED("token.expired"),
  NOT_YET_VALID("token.not-yet-valid"),
  CLAIMS("token.claims");

  private final String code;

  TokenProblem(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
