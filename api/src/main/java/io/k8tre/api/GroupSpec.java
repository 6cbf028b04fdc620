package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Desired state of a {@link Group}.
 *
 * @param description what the group is for
 * @param attributes free-form Keycloak group attributes
 * @param members usernames of the direct members
 * @param projects names of the {@link Project}s the group grants
 * @param subgroups names of the groups nested under this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupSpec(
    String description,
    @PreserveUnknownFields Map<String, Object> attributes,
    List<String> members,
    List<String> projects,
    List<String> subgroups) {}
