package io.k8tre.api;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A research project: its apps, notebook profiles and the limits of its namespace. */
@Group(K8treResources.RESEARCH_GROUP)
@Version(K8treResources.VERSION)
@Kind(K8treResources.PROJECT_KIND)
@Plural(K8treResources.PROJECT_PLURAL)
@ShortNames("pro")
public class Project extends CustomResource<ProjectSpec, ProjectStatus> implements Namespaced {

  private static final long serialVersionUID = 1L;

  /** Creates an empty project; Jackson and the Kubernetes client use this. */
  public Project() {}
}
