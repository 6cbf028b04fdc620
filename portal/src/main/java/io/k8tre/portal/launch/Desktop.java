package io.k8tre.portal.launch;

/**
 * A person's desktop as the portal shows it.
 *
 * @param name the VDIInstance's name
 * @param project the project
 * @param owner the owner's username ({@code spec.user})
 * @param app the project app it was launched from, may be {@code null}
 * @param state where it is: requested, provisioning, ready, failed or terminating
 * @param phase the operator's phase as written, may be {@code null}
 * @param message the operator's explanation, may be {@code null}
 */
public record Desktop(
    String name,
    String project,
    String owner,
    String app,
    State state,
    String phase,
    String message) {

  /** The stages a person sees. */
  public enum State {
    REQUESTED,
    PROVISIONING,
    READY,
    FAILED,
    TERMINATING;

    /** Lower-case word for pages and JSON. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean isReady() {
    return state == State.READY;
  }
}
