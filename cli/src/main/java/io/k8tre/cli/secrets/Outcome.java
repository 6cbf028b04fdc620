package io.k8tre.cli.secrets;

import java.util.List;

/**
 * What happened to one Secret of the spec. Holds masked descriptions only, never a value.
 *
 * @param keys one line per key, e.g. {@code client-secret: generated, 64 chars}
 * @param problem what went wrong and how to fix it, or null
 */
record Outcome(String secret, Action action, List<String> keys, String problem) {

  enum Action {
    CREATED("created", "would create"),
    OVERWRITTEN("overwritten", "would overwrite"),
    MERGED("missing keys added", "would add missing keys"),
    UNCHANGED("exists, unchanged", "exists, unchanged"),
    SKIPPED("skipped", "would skip"),
    FAILED("FAILED", "FAILED");

    private final String done;
    private final String planned;

    Action(String done, String planned) {
      this.done = done;
      this.planned = planned;
    }

    String describe(boolean dryRun) {
      return dryRun ? planned : done;
    }
  }

  static Outcome of(String secret, Action action, List<String> keys) {
    return new Outcome(secret, action, keys, null);
  }

  boolean isFailure() {
    return action == Action.FAILED;
  }
}
