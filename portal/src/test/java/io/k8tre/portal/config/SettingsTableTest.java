package io.k8tre.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8tre.portal.audit.AuditProperties;
import io.k8tre.portal.directory.DirectoryProperties;
import io.k8tre.portal.gateway.GatewayProperties;
import io.k8tre.portal.internal.InternalProperties;
import io.k8tre.portal.launch.GuacamoleProperties;
import io.k8tre.portal.launch.VdiProperties;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every setting the portal binds appears in the settings table of portal/README.md. */
class SettingsTableTest {

  private static final List<Class<?>> SETTINGS =
      List.of(
          PortalProperties.class,
          DirectoryProperties.class,
          GatewayProperties.class,
          InternalProperties.class,
          AuditProperties.class,
          VdiProperties.class,
          GuacamoleProperties.class);

  @Test
  void readmeListsEverySetting() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<String> keys = new ArrayList<>();
    for (Class<?> type : SETTINGS) {
      keys(type.getAnnotation(ConfigurationProperties.class).prefix(), type, keys);
    }

    assertThat(keys).hasSizeGreaterThan(20);
    assertThat(keys).allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
  }

  private static void keys(String prefix, Class<?> type, List<String> into) {
    for (RecordComponent component : type.getRecordComponents()) {
      String key = prefix + "." + kebab(component.getName());
      if (component.getType().isRecord()) {
        keys(key, component.getType(), into);
      } else {
        into.add(key);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
