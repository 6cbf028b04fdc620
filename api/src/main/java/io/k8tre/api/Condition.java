package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * One observation about a resource, in the usual Kubernetes condition shape.
 *
 * @param type what is observed, for example {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason a stable machine-readable reason in CamelCase
 * @param message a sentence for a person
 * @param lastTransitionTime RFC 3339 time at which {@code status} last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    @Required String type,
    @Required String status,
    @Required String reason,
    @Required String message,
    String lastTransitionTime) {}
