package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * Desired state of a {@link Project}.
 *
 * @param description what the project studies
 * @param apps the tools members may launch
 * @param profiles the notebook profiles JupyterHub offers in this project
 * @param resourceQuota the quota of the project's namespace
 * @param limitRange the default container limits of the project's namespace
 * @param storage storage classes and default volume sizes
 * @param scheduling where and how the project's workloads run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSpec(
    @Required String description,
    List<AppSpec> apps,
    List<ProfileSpec> profiles,
    @JsonProperty("resource_quota") ResourceQuotaSpec resourceQuota,
    @JsonProperty("limit_range") LimitRangeSpec limitRange,
    ProjectStorageSpec storage,
    SchedulingSpec scheduling) {}
