package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** Status fields every K8TRE kind shares: a phase, conditions and the generation last acted on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ResourceStatus {

  private String phase;
  private List<Condition> conditions = new ArrayList<>();
  private Long observedGeneration;

  /** Creates an empty status. */
  protected ResourceStatus() {}

  /**
   * Returns the coarse lifecycle phase written by the operator.
   *
   * @return the phase, or {@code null} before the operator has seen the resource
   */
  public String getPhase() {
    return phase;
  }

  /**
   * Sets the coarse lifecycle phase.
   *
   * @param phase the phase, for example {@code Running}
   */
  public void setPhase(String phase) {
    this.phase = phase;
  }

  /**
   * Returns the conditions, never {@code null}.
   *
   * @return the conditions in the order written
   */
  public List<Condition> getConditions() {
    return conditions;
  }

  /**
   * Replaces the conditions.
   *
   * @param conditions the new conditions; {@code null} means none
   */
  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  /**
   * Returns the {@code metadata.generation} the operator last reconciled.
   *
   * @return the generation, or {@code null} if never reconciled
   */
  public Long getObservedGeneration() {
    return observedGeneration;
  }

  /**
   * Sets the generation the operator last reconciled.
   *
   * @param observedGeneration the generation
   */
  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
