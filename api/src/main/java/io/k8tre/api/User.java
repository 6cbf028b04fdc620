package io.k8tre.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A person known to the environment: their Keycloak account and the groups they belong to.
 *
 * <p>The portal looks a user up by {@code metadata.name}, which equals the Keycloak {@code
 * preferred_username}.
 */
@Group(K8treResources.IDENTITY_GROUP)
@Version(K8treResources.VERSION)
@Kind(K8treResources.USER_KIND)
@Plural(K8treResources.USER_PLURAL)
@ShortNames("use")
public class User extends CustomResource<UserSpec, UserStatus> implements Namespaced {

  private static final long serialVersionUID = 1L;

  /** Creates an empty user; Jackson and the Kubernetes client use this. */
  public User() {}
}
