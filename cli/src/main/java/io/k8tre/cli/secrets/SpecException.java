package io.k8tre.cli.secrets;

import java.io.Serial;
import java.util.List;

/** A secrets spec that cannot be used, with one line per problem. */
final class SpecException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  // transient: a List is not Serializable, and the message keeps the text anyway.
  private final transient List<String> problems;

  SpecException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
