package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;

/**
 * Observed state of a {@link User}.
 *
 * <p>The upstream operator also writes an {@code initialPassword} here in plain text. This model
 * deliberately has no such property, so the portal never holds or prints it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class UserStatus extends ResourceStatus {

  @PreserveUnknownFields private Map<String, Object> notebookStorage;

  /** Creates an empty status. */
  public UserStatus() {}

  /**
   * Returns what happened to the user's notebook volumes ({@code provisioned}, {@code skipped},
   * {@code errors}).
   *
   * @return the report, or {@code null} if none was written
   */
  public Map<String, Object> getNotebookStorage() {
    return notebookStorage;
  }

  /**
   * Sets the notebook volume report.
   *
   * @param notebookStorage the report
   */
  public void setNotebookStorage(Map<String, Object> notebookStorage) {
    this.notebookStorage = notebookStorage;
  }
}
