package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * A JupyterHub server profile offered in a {@link Project}.
 *
 * @param displayName the name shown in the spawn form
 * @param description a sentence shown under the name
 * @param slug the profile's identifier
 * @param kubespawnerOverride settings KubeSpawner applies when this profile is chosen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileSpec(
    @Required @JsonProperty("display_name") String displayName,
    String description,
    @Required String slug,
    @JsonProperty("kubespawner_override") KubespawnerOverride kubespawnerOverride) {

  /**
   * The KubeSpawner settings a profile overrides.
   *
   * @param image the container image of the notebook server
   * @param env environment variables of the notebook server
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KubespawnerOverride(String image, Map<String, String> env) {}
}
