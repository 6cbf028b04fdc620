package io.k8tre.operator;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.k8tre.api.VDIConventions;
import java.util.List;

/** The desktop's ClusterIP Service: {@code rdp} 3389 for Guacamole, {@code vnc} 5900. */
final class DesktopService {

  private DesktopService() {}

  static Service desired(Desktop desktop) {
    return new ServiceBuilder()
        .withMetadata(DesktopObjects.metadata(desktop, VDIConventions.workloadName(desktop.name())))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(DesktopObjects.selector(desktop))
        .withPorts(ports())
        .endSpec()
        .build();
  }

  static List<ServicePort> ports() {
    return List.of(port("rdp", VDIConventions.RDP_PORT), port("vnc", VDIConventions.VNC_PORT));
  }

  /** Whether an existing Service still routes as desired (the fields the operator owns). */
  static boolean isCurrent(Service existing, Service desired) {
    if (existing.getSpec() == null) {
      return false;
    }
    return desired.getSpec().getSelector().equals(existing.getSpec().getSelector())
        && portsOf(existing).equals(portsOf(desired));
  }

  private static List<String> portsOf(Service service) {
    return service.getSpec().getPorts().stream()
        .map(p -> p.getName() + ":" + p.getPort() + ":" + p.getTargetPort())
        .sorted()
        .toList();
  }

  private static ServicePort port(String name, int number) {
    return new ServicePortBuilder()
        .withName(name)
        .withProtocol("TCP")
        .withPort(number)
        .withTargetPort(new IntOrString(number))
        .build();
  }
}
