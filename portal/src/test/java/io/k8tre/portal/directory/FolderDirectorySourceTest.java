package io.k8tre.portal.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDirectorySourceTest extends DirectorySourceContractTest {

  @TempDir Path folder;

  @Override
  DirectorySource newSource() {
    return new FolderDirectorySource(SampleDirectory.properties(folder, Duration.ofMillis(200)));
  }

  @Override
  void putGroup(String name, List<String> members, List<String> projects) {
    write(
        name + ".yaml",
        """
        apiVersion: identity.k8tre.io/v1alpha1
        kind: Group
        metadata: {name: %s}
        spec: {members: %s, projects: %s}
        """
            .formatted(name, members, projects));
  }

  @Override
  void deleteGroup(String name) {
    try {
      Files.delete(folder.resolve(name + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void startWhenSamplesThenAllObjectsLoadedWithoutProblems() {
    DirectorySnapshot samples = SampleDirectory.snapshot();

    assertThat(samples.users())
        .extracting(DirectoryUser::name)
        .containsExactly("alwin", "k8tre-user", "test", "trevolution");
    assertThat(samples.groups()).hasSize(7);
    assertThat(samples.projects())
        .extracting(DirectoryProject::name)
        .containsExactly("asthma", "diabetes", "hypertension");
    assertThat(samples.project("asthma").flatMap(p -> p.app("jupyterhub")).orElseThrow().url())
        .isEqualTo("http://localhost:18090/hub");
    assertThat(samples.problems()).isEmpty();
  }

  @Test
  void startWhenSamplesThenPasswordNotInSnapshot() {
    DirectorySnapshot samples = SampleDirectory.snapshot();

    assertThat(samples.user("trevolution").orElseThrow().toString()).doesNotContain("k8tre,");
  }

  @Test
  void pollWhenFileBecomesBrokenThenProblemReportedAndLastGoodObjectsKept() {
    putGroup("lab", List.of("ada"), List.of("alpha"));
    started();

    write("lab.yaml", "kind: Group\nmetadata: {name: [unclosed\n");

    await().atMost(follow()).until(() -> !latest().problems().isEmpty());
    assertThat(latest().problems().getFirst().source()).endsWith("lab.yaml");
    assertThat(latest().group("lab")).isPresent();
  }

  @Test
  void startWhenUserWithoutUsernameThenSkippedWithProblemAndRestLoaded() {
    write(
        "users.yaml",
        """
        apiVersion: identity.k8tre.io/v1alpha1
        kind: User
        metadata: {name: nameless}
        spec: {email: nameless@example.org}
        ---
        apiVersion: identity.k8tre.io/v1alpha1
        kind: User
        metadata: {name: ada}
        spec: {username: ada}
        """);

    DirectorySnapshot snapshot = started();

    assertThat(snapshot.users()).extracting(DirectoryUser::name).containsExactly("ada");
    assertThat(snapshot.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.object()).isEqualTo("User/nameless"))
        .satisfies(p -> assertThat(p.reason()).contains("spec.username"));
  }

  @Test
  void startWhenUnknownKindOrMissingNameThenEachReported() {
    write(
        "other.yaml",
        """
        apiVersion: identity.k8tre.io/v1alpha1
        kind: KeycloakClient
        metadata: {name: backend}
        ---
        apiVersion: identity.k8tre.io/v1alpha1
        kind: Group
        metadata: {}
        """);

    DirectorySnapshot snapshot = started();

    assertThat(snapshot.problems())
        .extracting(DirectoryProblem::object)
        .containsExactly("KeycloakClient/backend", "Group/?");
  }

  private void write(String file, String content) {
    try {
      Files.writeString(folder.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
