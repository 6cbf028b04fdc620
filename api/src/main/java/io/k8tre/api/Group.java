package io.k8tre.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A set of users that grants access to projects; members of a subgroup also count as members of its
 * parent.
 */
@io.fabric8.kubernetes.model.annotation.Group(K8treResources.IDENTITY_GROUP)
@Version(K8treResources.VERSION)
@Kind(K8treResources.GROUP_KIND)
@Plural(K8treResources.GROUP_PLURAL)
@ShortNames("gro")
public class Group extends CustomResource<GroupSpec, GroupStatus> implements Namespaced {

  private static final long serialVersionUID = 1L;

  /** Creates an empty group; Jackson and the Kubernetes client use this. */
  public Group() {}
}
