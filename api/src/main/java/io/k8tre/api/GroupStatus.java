package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;

/** Observed state of a {@link Group}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class GroupStatus extends ResourceStatus {

  @PreserveUnknownFields private Map<String, Object> storageProvisioning;

  /** Creates an empty status. */
  public GroupStatus() {}

  /**
   * Returns the operator's storage report ({@code members}, {@code projects}, {@code
   * pvcsProvisioned}, {@code errors}).
   *
   * @return the report, or {@code null} if none was written
   */
  public Map<String, Object> getStorageProvisioning() {
    return storageProvisioning;
  }

  /**
   * Sets the storage report.
   *
   * @param storageProvisioning the report
   */
  public void setStorageProvisioning(Map<String, Object> storageProvisioning) {
    this.storageProvisioning = storageProvisioning;
  }
}
