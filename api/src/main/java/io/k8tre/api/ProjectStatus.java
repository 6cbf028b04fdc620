package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Observed state of a {@link Project}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ProjectStatus extends ResourceStatus {

  private String namespace;

  /** Creates an empty status. */
  public ProjectStatus() {}

  /**
   * Returns the namespace the operator created for the project.
   *
   * @return the namespace, usually {@code project-<name>}, or {@code null} before it exists
   */
  public String getNamespace() {
    return namespace;
  }

  /**
   * Sets the project's namespace.
   *
   * @param namespace the namespace
   */
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
