package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Where and how a workload runs; shared by {@link ProjectSpec} and {@link VDIInstanceSpec}.
 *
 * @param nodeSelector node labels the pods must match
 * @param tolerations Kubernetes tolerations, kept as written
 * @param affinity a Kubernetes affinity, kept as written
 * @param resources CPU and memory requests and limits
 * @param labels extra labels on the pods
 * @param annotations extra annotations on the pods
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulingSpec(
    @JsonProperty("node_selector") Map<String, String> nodeSelector,
    @PreserveUnknownFields List<Map<String, Object>> tolerations,
    @PreserveUnknownFields Map<String, Object> affinity,
    ComputeResources resources,
    Map<String, String> labels,
    Map<String, String> annotations) {

  /**
   * CPU and memory of a workload, in Kubernetes quantity notation.
   *
   * @param requestsCpu CPU request
   * @param requestsMemory memory request
   * @param limitsCpu CPU limit
   * @param limitsMemory memory limit
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ComputeResources(
      @JsonProperty("requests_cpu") String requestsCpu,
      @JsonProperty("requests_memory") String requestsMemory,
      @JsonProperty("limits_cpu") String limitsCpu,
      @JsonProperty("limits_memory") String limitsMemory) {}
}
