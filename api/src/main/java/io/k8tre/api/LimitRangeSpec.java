package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;

/**
 * Container defaults of a project's namespace; quantities use Kubernetes notation.
 *
 * @param defaultCpu default CPU limit
 * @param defaultMemory default memory limit
 * @param defaultRequestCpu default CPU request
 * @param defaultRequestMemory default memory request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitRangeSpec(
    @Default("500m") @JsonProperty("default_cpu") String defaultCpu,
    @Default("1Gi") @JsonProperty("default_memory") String defaultMemory,
    @Default("100m") @JsonProperty("default_request_cpu") String defaultRequestCpu,
    @Default("256Mi") @JsonProperty("default_request_memory") String defaultRequestMemory) {}
