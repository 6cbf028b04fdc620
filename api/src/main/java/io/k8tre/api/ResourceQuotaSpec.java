package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;

/**
 * The ResourceQuota of a project's namespace; quantities use Kubernetes notation.
 *
 * @param requestsCpu total CPU requests
 * @param requestsMemory total memory requests
 * @param limitsCpu total CPU limits
 * @param limitsMemory total memory limits
 * @param pods maximum number of pods
 * @param services maximum number of services
 * @param persistentvolumeclaims maximum number of volume claims
 * @param requestsStorage total storage requests, unlimited when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceQuotaSpec(
    @Default("4") @JsonProperty("requests_cpu") String requestsCpu,
    @Default("8Gi") @JsonProperty("requests_memory") String requestsMemory,
    @Default("8") @JsonProperty("limits_cpu") String limitsCpu,
    @Default("16Gi") @JsonProperty("limits_memory") String limitsMemory,
    @Default("20") Integer pods,
    @Default("10") Integer services,
    @Default("10") Integer persistentvolumeclaims,
    @JsonProperty("requests_storage") String requestsStorage) {}
