package io.k8tre.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * Desired state of a {@link User}.
 *
 * @param username the Keycloak username
 * @param email the e-mail address
 * @param enabled whether the account may log in; absent means {@code true}
 * @param password an optional initial Keycloak password, in plain text in the resource; it is a
 *     secret and must never be logged or copied anywhere else
 * @param groups names of the {@link Group}s the user belongs to
 * @param keycloak free-form Keycloak settings such as {@code email_verified}
 * @param jupyterhub free-form JupyterHub settings such as {@code workspace}
 * @param k8tre free-form K8TRE settings such as {@code user_id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSpec(
    @Required String username,
    @Required String email,
    @Default("true") Boolean enabled,
    String password,
    List<String> groups,
    @PreserveUnknownFields Map<String, Object> keycloak,
    @PreserveUnknownFields Map<String, Object> jupyterhub,
    @PreserveUnknownFields Map<String, Object> k8tre) {

  /** Applies the default of {@code enabled}, so an absent flag reads as an enabled user. */
  public UserSpec {
    enabled = enabled == null ? Boolean.TRUE : enabled;
  }

  /** Describes the user without the password, which a record would otherwise print. */
  @Override
  public String toString() {
    return "UserSpec[username="
        + username
        + ", email="
        + email
        + ", enabled="
        + enabled
        + ", password="
        + (password == null ? "absent" : "present")
        + ", groups="
        + groups
        + "]";
  }
}
