package io.k8tre.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

  @TempDir Path dir;

  @Test
  void readWhenCiFormatThenEntriesKeysAndNamespace() throws Exception {
    Path file =
        write(
            """
            environment: ci
            namespace: secret-store
            secrets:
              - name: keycloak-db-secret
                type: generic
                data:
                  - key: username
                    value: "keycloak-user"
                  - key: password
                    value: "{{ generate_password }}"
              - name: ingress-tls
                type: tls
                data:
                  - key: tls.crt
                    value: ""
            """);

    SecretsSpec spec = SpecReader.read(file);

    assertThat(spec.namespace()).hasValue("secret-store");
    assertThat(spec.secrets())
        .extracting(SecretsSpec.Entry::name)
        .containsExactly("keycloak-db-secret", "ingress-tls");
    assertThat(spec.secrets().get(0).keys())
        .extracting(SecretsSpec.Key::source)
        .containsExactly(new ValueSource.Literal("keycloak-user"), new ValueSource.Password(16));
    assertThat(spec.secrets().get(1).kind()).isEqualTo(SecretsSpec.Kind.TLS);
  }

  @Test
  void readWhenSeveralProblemsThenAllReportedWithoutValues() throws Exception {
    Path file =
        write(
            """
            secrets:
              - name: Bad_Name
                data: [{key: a, value: b}]
              - name: ok
                type: docker
                data:
                  - key: password
                    value: "{{ generate_password }}"
                  - key: password
                    value: "hunter2"
                  - key: token
                    value: "{{ generate_passwd }}"
            """);

    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecReader.read(file));

    assertThat(e.problems())
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("Bad_Name"))
        .anySatisfy(p -> assertThat(p).contains("type 'docker'"))
        .anySatisfy(p -> assertThat(p).contains("unknown generator 'generate_passwd'"))
        .anySatisfy(p -> assertThat(p).contains("'password' is listed twice"))
        .allSatisfy(p -> assertThat(p).doesNotContain("hunter2"));
  }

  @Test
  void readWhenProjectSpecThenValid() {
    Path spec = Path.of("..", "deploy", "secrets", "k8tre-portal-secrets.yaml");

    assertThat(SpecReader.read(spec).secrets()).isNotEmpty();
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("spec.yaml"), yaml);
  }
}
