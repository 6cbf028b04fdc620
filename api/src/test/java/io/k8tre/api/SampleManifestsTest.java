package io.k8tre.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The model must read K8TRE's own sample manifests without losing a field. */
class SampleManifestsTest {

  private static final Path SAMPLES = Path.of("..", "samples", "k8tre-sample");
  private static final ObjectMapper YAML = new YAMLMapper();

  @Test
  void readWhenSampleUsersThenSpecFieldsBound() {
    List<User> users = read("users.yaml", User.class);

    assertThat(users)
        .extracting(u -> u.getMetadata().getName())
        .containsExactly("alwin", "test", "k8tre-user", "trevolution");
    UserSpec test = users.get(1).getSpec();
    assertThat(test.enabled()).isFalse();
    assertThat(test.email()).isEqualTo("test@k8tre.io");
    assertThat(test.groups()).containsExactly("asthma-analyst");
    assertThat(test.keycloak()).containsEntry("email_verified", true);
    assertThat(test.jupyterhub()).containsEntry("compute_quota", "1CPU,4Gi");
    assertThat(test.k8tre()).containsEntry("user_id", "k8tre_002");
    assertThat(users.get(3).getSpec().password()).isNotBlank();
  }

  @Test
  void readWhenUserSpecPrintedThenPasswordHidden() {
    User trevolution = read("users.yaml", User.class).get(3);

    assertThat(trevolution.getSpec().toString()).doesNotContain("k8tre,").contains("present");
  }

  @Test
  void readWhenSampleGroupsThenMembersProjectsAndSubgroupsBound() {
    List<Group> groups = read("groups.yaml", Group.class);

    assertThat(groups).hasSize(7);
    GroupSpec diabetes = groups.get(3).getSpec();
    assertThat(diabetes.description()).isEqualTo("Diabetes parent group");
    assertThat(diabetes.projects()).containsExactly("diabetes");
    assertThat(diabetes.subgroups()).containsExactly("diabetes-admin", "diabetes-analyst");
    assertThat(groups.get(2).getSpec().members())
        .containsExactly("test", "alwin", "k8tre-user", "trevolution");
  }

  @Test
  void readWhenSampleProjectsThenAppsAndProfilesBound() {
    List<Project> projects = read("projects.yaml", Project.class);

    ProjectSpec asthma = projects.get(0).getSpec();
    assertThat(asthma.description()).isEqualTo("Asthma research project");
    assertThat(asthma.apps()).extracting(AppSpec::name).containsExactly("jupyterhub", "guacamole");
    assertThat(asthma.apps().get(1).url()).isEqualTo("http://localhost:18091/guacamole/");
    assertThat(asthma.apps().get(1).config()).containsEntry("resolution", "1920x1080");
    ProfileSpec profile = asthma.profiles().get(0);
    assertThat(profile.displayName()).isEqualTo("Asthma Workspace 1");
    assertThat(profile.slug()).isEqualTo("asthma-ws1");
    assertThat(profile.kubespawnerOverride().image())
        .isEqualTo("ghcr.io/k8tre/marimo-notebook-workspace:latest");
    assertThat(profile.kubespawnerOverride().env()).containsEntry("WORKSPACE", "/asthma/ws1");
    assertThat(projects.get(2).getSpec().apps().get(1).url())
        .isEqualTo("https://guacamole.dev-k8tre.org");
  }

  private static <T> List<T> read(String file, Class<T> type) {
    List<T> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(SAMPLES.resolve(file).toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isEmpty()) {
          out.add(YAML.treeToValue(doc, type));
        }
      }
    }
    return out;
  }
}
