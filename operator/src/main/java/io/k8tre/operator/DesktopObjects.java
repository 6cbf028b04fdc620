package io.k8tre.operator;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.k8tre.api.K8treResources;
import io.k8tre.api.VDIConventions;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every object made for a desktop shares: labels and the owner reference. */
final class DesktopObjects {

  private DesktopObjects() {}

  /** The labels that select the desktop's Pod; the Service's selector is exactly these. */
  static Map<String, String> selector(Desktop desktop) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "k8tre-vdi");
    labels.put(VDIConventions.DESKTOP_LABEL, desktop.name());
    return labels;
  }

  /** Selector labels plus owner and project, so a person's objects can be listed. */
  static Map<String, String> labels(Desktop desktop) {
    Map<String, String> labels = new LinkedHashMap<>(selector(desktop));
    labels.put("app.kubernetes.io/managed-by", "k8tre-vdi-operator");
    if (desktop.ownerLabel() != null) {
      labels.put(VDIConventions.OWNER_LABEL, desktop.ownerLabel());
    }
    labels.put(VDIConventions.PROJECT_LABEL, desktop.project());
    return labels;
  }

  /**
   * Metadata owned by the VDIInstance: Kubernetes' garbage collector removes the object with it,
   * even if the operator is down when the resource is deleted.
   */
  static ObjectMeta metadata(Desktop desktop, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(desktop.namespace())
        .withLabels(labels(desktop))
        .withOwnerReferences(owner(desktop))
        .build();
  }

  static OwnerReference owner(Desktop desktop) {
    return new OwnerReferenceBuilder()
        .withApiVersion(K8treResources.VDI_GROUP + "/" + K8treResources.VERSION)
        .withKind(K8treResources.VDI_INSTANCE_KIND)
        .withName(desktop.name())
        .withUid(desktop.uid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
