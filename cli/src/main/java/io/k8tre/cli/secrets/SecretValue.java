package io.k8tre.cli.secrets;

/**
 * One resolved value of a secret key. Not a record on purpose: {@link #toString()} must never print
 * the value, whatever ends up logging or formatting this object.
 */
final class SecretValue {

  private final String value;
  private final String origin;

  SecretValue(String value, String origin) {
    this.value = value;
    this.origin = origin;
  }

  /** The plain value, for the Secret's data only. */
  String reveal() {
    return value;
  }

  /** Where the value came from (literal, generated, an environment variable), for the summary. */
  String origin() {
    return origin;
  }

  /** What the summary shows instead of the value: its origin and length. */
  String masked() {
    return origin + ", " + value.length() + " chars";
  }

  @Override
  public String toString() {
    return "SecretValue[" + masked() + "]";
  }
}
