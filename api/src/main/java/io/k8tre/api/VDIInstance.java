package io.k8tre.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A virtual desktop of one user in one project; the portal creates it and the VDI operator turns it
 * into a running desktop.
 */
@Group(K8treResources.VDI_GROUP)
@Version(K8treResources.VERSION)
@Kind(K8treResources.VDI_INSTANCE_KIND)
@Plural(K8treResources.VDI_INSTANCE_PLURAL)
@ShortNames("vdi")
public class VDIInstance extends CustomResource<VDIInstanceSpec, VDIInstanceStatus>
    implements Namespaced {

  private static final long serialVersionUID = 1L;

  /** Creates an empty desktop; Jackson and the Kubernetes client use this. */
  public VDIInstance() {}
}
