package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * Desired state of a {@link VDIInstance}.
 *
 * <p>Do not put credentials in {@code env}: anyone who may read the resource reads them too.
 *
 * @param user the username the desktop belongs to
 * @param project the project the desktop belongs to
 * @param image the desktop container image
 * @param connection the remote desktop protocol, {@code rdp} or {@code vnc}
 * @param env extra environment variables of the desktop
 * @param storage the desktop's home volume
 * @param scheduling where and how the desktop runs
 * @param networking free-form network settings
 * @param settings non-secret desktop settings from the project's app config (for example {@code
 *     resolution}); the operator passes them to the desktop as {@code VDI_<NAME>} variables
 * @param idleTimeout how long the desktop may go unused before the operator stops it, as a duration
 *     such as {@code 30m} or {@code 8h}; unset means the project's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VDIInstanceSpec(
    @Required String user,
    @Required String project,
    @Default(VDIInstanceSpec.DEFAULT_IMAGE) String image,
    @Default("rdp") String connection,
    List<EnvVar> env,
    Storage storage,
    SchedulingSpec scheduling,
    @PreserveUnknownFields Map<String, Object> networking,
    Map<String, String> settings,
    String idleTimeout) {

  /** The desktop image used when the spec names none. */
  public static final String DEFAULT_IMAGE = "ghcr.io/k8tre/vdi-mate:v1.0.0-light";

  /**
   * One environment variable of the desktop.
   *
   * @param name the variable's name
   * @param value the variable's value
   */
  public record EnvVar(@Required String name, @Required String value) {}

  /**
   * The desktop's home volume.
   *
   * @param homeSize the size of the home volume
   * @param storageClass the storage class of the home volume
   * @param persist whether the volume outlives the desktop
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Storage(
      @JsonProperty("home_size") String homeSize,
      @JsonProperty("storage_class") String storageClass,
      @Default("false") Boolean persist) {}
}
