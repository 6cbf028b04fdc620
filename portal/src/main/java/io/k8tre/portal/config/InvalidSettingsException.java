package io.k8tre.portal.config;

import java.util.List;

/** Startup stops with this when settings are unusable; it lists every problem. */
public class InvalidSettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super(problems.size() + " settings problem(s): " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
