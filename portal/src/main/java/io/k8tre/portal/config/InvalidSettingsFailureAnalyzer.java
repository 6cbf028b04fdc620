package io.k8tre.portal.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints settings problems as a plain list instead of a stack trace. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
    StringBuilder description = new StringBuilder("The portal's settings are not usable:\n");
    cause.problems().forEach(p -> description.append("  - ").append(p).append('\n'));
    return new FailureAnalysis(
        description.toString(),
        "Fix each setting above (environment variable or application.yaml) and start again.",
        cause);
  }
}
