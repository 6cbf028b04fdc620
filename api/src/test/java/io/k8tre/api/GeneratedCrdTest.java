package io.k8tre.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the CRDs the build generated from the model and checks what clusters rely on. */
class GeneratedCrdTest {

  private static final Path CRD_DIR = Path.of("target", "classes", "META-INF", "fabric8");
  private static final String SCHEMA = "/spec/versions/0/schema/openAPIV3Schema/properties";

  @ParameterizedTest
  @CsvSource({
    "users.identity.k8tre.io, identity.k8tre.io, User, users, use",
    "groups.identity.k8tre.io, identity.k8tre.io, Group, groups, gro",
    "projects.research.k8tre.io, research.k8tre.io, Project, projects, pro",
    "vdiinstances.k8tre.io, k8tre.io, VDIInstance, vdiinstances, vdi"
  })
  void generateWhenBuiltThenCrdNamesKindGroupAndScope(
      String file, String group, String kind, String plural, String shortName) {
    JsonNode crd = read(file);

    assertThat(crd.at("/metadata/name").asString()).isEqualTo(plural + "." + group);
    assertThat(crd.at("/spec/group").asString()).isEqualTo(group);
    assertThat(crd.at("/spec/names/kind").asString()).isEqualTo(kind);
    assertThat(crd.at("/spec/names/shortNames/0").asString()).isEqualTo(shortName);
    assertThat(crd.at("/spec/scope").asString()).isEqualTo("Namespaced");
    assertThat(crd.at("/spec/versions/0/name").asString()).isEqualTo("v1alpha1");
  }

  @ParameterizedTest
  @CsvSource({
    "users.identity.k8tre.io",
    "groups.identity.k8tre.io",
    "projects.research.k8tre.io",
    "vdiinstances.k8tre.io"
  })
  void generateWhenBuiltThenStatusSubresourceAndCommonStatus(String file) {
    JsonNode crd = read(file);

    assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
    assertThat(crd.at(SCHEMA + "/status/properties/phase/type").asString()).isEqualTo("string");
    assertThat(crd.at(SCHEMA + "/status/properties/conditions/items/properties/reason").isObject())
        .isTrue();
    assertThat(crd.at(SCHEMA + "/status/properties/observedGeneration/type").asString())
        .isEqualTo("integer");
  }

  @ParameterizedTest
  @CsvSource({
    "users.identity.k8tre.io, /spec/properties/enabled/default",
    "users.identity.k8tre.io, /spec/properties/keycloak/x-kubernetes-preserve-unknown-fields",
    "groups.identity.k8tre.io, /spec/properties/subgroups/items",
    "groups.identity.k8tre.io, /spec/properties/attributes",
    "projects.research.k8tre.io, /spec/properties/apps/items/properties/url",
    "projects.research.k8tre.io, /spec/properties/apps/items/properties/config",
    "projects.research.k8tre.io, /spec/properties/profiles/items/properties/display_name",
    "projects.research.k8tre.io,"
        + " /spec/properties/profiles/items/properties/kubespawner_override/properties/env",
    "projects.research.k8tre.io, /spec/properties/resource_quota/properties/requests_storage",
    "projects.research.k8tre.io, /spec/properties/limit_range/properties/default_request_memory",
    "projects.research.k8tre.io, /spec/properties/storage/properties/default_notebook_size",
    "projects.research.k8tre.io, /spec/properties/scheduling/properties/node_selector",
    "projects.research.k8tre.io, /status/properties/namespace",
    "vdiinstances.k8tre.io, /spec/properties/env/items/properties/value",
    "vdiinstances.k8tre.io, /spec/properties/storage/properties/home_size",
    "vdiinstances.k8tre.io, /spec/properties/networking",
    "vdiinstances.k8tre.io, /status/properties/secretName"
  })
  void generateWhenBuiltThenSchemaHasField(String file, String pointer) {
    JsonNode crd = read(file);

    assertThat(crd.at(SCHEMA + pointer).isMissingNode()).as(pointer).isFalse();
  }

  private static JsonNode read(String name) {
    return new YAMLMapper().readTree(CRD_DIR.resolve(name + "-v1.yml").toFile());
  }
}
