package io.k8tre.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRDs under deploy/base/crds are copies of what the api module generates. Lives here because
 * the cli module already depends on the api jar (test scope), so Maven builds api first and this
 * test sees the CRDs of the same build.
 */
class CrdDriftTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "users.identity.k8tre.io",
        "groups.identity.k8tre.io",
        "projects.research.k8tre.io",
        "vdiinstances.k8tre.io"
      })
  void crdWhenApiRebuiltThenCommittedCopyIsTheSame(String name) throws Exception {
    String file = name + "-v1.yml";
    Path committed = Rendered.repository().resolve("deploy/base/crds").resolve(file);

    String generated;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + file)) {
      assertThat(in).as("api jar holds " + file).isNotNull();
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(Files.readString(committed))
        .as(
            "deploy/base/crds/%s is stale: cp api/target/classes/META-INF/fabric8/%s deploy/base/crds/",
            file, file)
        .isEqualTo(generated);
  }
}
