package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * One tool of a {@link Project}.
 *
 * @param name the app's name within the project, used in launch paths
 * @param type what kind of app it is, for example {@code jupyterhub} or {@code vdi}
 * @param url where the app is reached
 * @param config free-form settings of the app, such as {@code protocol} or {@code workspace}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppSpec(
    @Required String name,
    @Required String type,
    @Required String url,
    Map<String, String> config) {}
