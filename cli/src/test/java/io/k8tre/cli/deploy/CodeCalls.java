package io.k8tre.cli.deploy;

import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes API calls the portal and the VDI operator make, as (group, resource, verb). MUST
 * change together with the code: a new client call there needs a line here and a rule in
 * deploy/base/{portal,operator}/ (the render test compares the two exactly).
 */
final class CodeCalls {

  private CodeCalls() {}

  static final Map<String, Set<String>> BY_SERVICE_ACCOUNT =
      Map.of(
          "backend/k8tre-portal",
          Set.of(
              // directory/KubernetesDirectorySource: shared informers (list, then watch).
              "identity.k8tre.io users list",
              "identity.k8tre.io users watch",
              "identity.k8tre.io groups list",
              "identity.k8tre.io groups watch",
              "research.k8tre.io projects list",
              "research.k8tre.io projects watch",
              // launch/KubernetesDesktops: creates, reads, lists (own desktops), stops
              // VDIInstances, patches the last-activity annotation, reads the RDP Secret.
              // launch/DesktopWatch: an informer (list, then watch) for idle stops.
              "k8tre.io vdiinstances create",
              "k8tre.io vdiinstances get",
              "k8tre.io vdiinstances list",
              "k8tre.io vdiinstances watch",
              "k8tre.io vdiinstances patch",
              "k8tre.io vdiinstances delete",
              "core secrets get",
              // internal: the caller's service account token, checked with TokenReview.
              "authentication.k8s.io tokenreviews create"),
          "backend/k8tre-vdi-operator",
          Set.of(
              // VDIInstanceReconciler: informer on the primary, finalizer and status patches.
              "k8tre.io vdiinstances get",
              "k8tre.io vdiinstances list",
              "k8tre.io vdiinstances watch",
              "k8tre.io vdiinstances patch",
              "k8tre.io vdiinstances update",
              // IdlePolicy: an idle desktop is stopped by deleting it.
              "k8tre.io vdiinstances delete",
              "k8tre.io vdiinstances/status patch",
              "k8tre.io vdiinstances/status update",
              // Dependent Secret, Pod and Service per desktop, in project-* namespaces.
              "core secrets get",
              "core secrets list",
              "core secrets watch",
              "core secrets create",
              "core secrets update",
              "core secrets patch",
              "core secrets delete",
              "core pods get",
              "core pods list",
              "core pods watch",
              "core pods create",
              "core pods update",
              "core pods patch",
              "core pods delete",
              "core services get",
              "core services list",
              "core services watch",
              "core services create",
              "core services update",
              "core services patch",
              "core services delete",
              "core events create",
              "core events patch",
              // Desktops: the Project's defaults, one get per reconcile.
              "research.k8tre.io projects get",
              // Leader election.
              "coordination.k8s.io leases get",
              "coordination.k8s.io leases create",
              "coordination.k8s.io leases update"));
}
