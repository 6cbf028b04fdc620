package io.k8tre.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.k8tre.cli.K8treCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole command against the fabric8 mock API server in CRUD mode, one server per test. */
@EnableKubernetesMockClient(crud = true)
class SecretsApplyCommandTest {

  private static final String NS = "secret-store";

  KubernetesClient client;
  @TempDir Path dir;
  private Path spec;
  private final Map<String, String> environment = new HashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeSpec() throws Exception {
    spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
            secrets:
              - name: portal-db-secret
                type: generic
                data:
                  - key: username
                    value: portal
                  - key: password
                    value: "{{ generate_password(32) }}"
              - name: portal-header-secret
                type: generic
                data:
                  - key: secret
                    value: "{{ generate_hex_key(32) }}"
            """);
  }

  @Test
  void applyWhenNamespaceMissingThenCreatesItAndEverySecret() {
    int code = run("secrets", "apply", "-f", spec.toString());

    assertThat(code).isZero();
    assertThat(client.namespaces().withName(NS).get()).isNotNull();
    assertThat(data("portal-db-secret")).containsEntry("username", "portal");
    assertThat(data("portal-db-secret").get("password")).matches("[A-Za-z0-9]{32}");
    assertThat(data("portal-header-secret").get("secret")).matches("[0-9a-f]{64}");
    assertThat(out.toString()).contains("portal-db-secret", "created", "32 chars");
  }

  @Test
  void applyWhenRunTwiceThenSecondRunChangesNothing() {
    run("secrets", "apply", "-f", spec.toString());
    Map<String, String> first = data("portal-db-secret");
    String version = secret("portal-db-secret").getMetadata().getResourceVersion();

    int code = run("secrets", "apply", "-f", spec.toString());

    assertThat(code).isZero();
    assertThat(data("portal-db-secret")).isEqualTo(first);
    assertThat(secret("portal-db-secret").getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(out.toString()).contains("exists, unchanged");
  }

  @Test
  void applyWhenOverwriteThenEveryGeneratedValueReplaced() {
    run("secrets", "apply", "-f", spec.toString());
    String before = data("portal-db-secret").get("password");

    int code = run("secrets", "apply", "-f", spec.toString(), "--overwrite");

    assertThat(code).isZero();
    assertThat(data("portal-db-secret").get("password")).isNotEqualTo(before).hasSize(32);
    assertThat(out.toString()).contains("overwritten");
  }

  @Test
  void applyWhenMergeKeysThenAddsMissingKeysAndKeepsExistingValues() throws Exception {
    run("secrets", "apply", "-f", spec.toString());
    String password = data("portal-db-secret").get("password");
    Files.writeString(
        spec,
        Files.readString(spec)
            .replace(
                "value: portal\n",
                "value: portal\n      - key: database\n        value: portal\n"));

    int code = run("secrets", "apply", "-f", spec.toString(), "--merge-keys");

    assertThat(code).isZero();
    assertThat(data("portal-db-secret"))
        .containsEntry("password", password)
        .containsEntry("database", "portal");
    assertThat(out.toString()).contains("missing keys added", "password: kept");
  }

  @Test
  void applyWhenDryRunThenWritesNothing() {
    int code = run("secrets", "apply", "-f", spec.toString(), "--dry-run");

    assertThat(code).isZero();
    assertThat(client.namespaces().withName(NS).get()).isNull();
    assertThat(client.secrets().inAnyNamespace().list().getItems()).isEmpty();
    assertThat(out.toString()).contains("would be created", "would create", "nothing written");
  }

  @Test
  void applyWhenVariableMissingThenSecretSkippedAndExitZero() throws Exception {
    Path withEnv = envSpec();

    int code = run("secrets", "apply", "-f", withEnv.toString());

    assertThat(code).isZero();
    assertThat(secret("registry-token")).isNull();
    assertThat(err.toString()).contains("REGISTRY_TOKEN is not set");
  }

  @Test
  void applyWhenVariableMissingAndStrictThenFailsWithExitOne() throws Exception {
    Path withEnv = envSpec();

    int code = run("secrets", "apply", "-f", withEnv.toString(), "--strict");

    assertThat(code).isEqualTo(1);
    assertThat(secret("registry-token")).isNull();
    assertThat(err.toString().lines())
        .containsExactly(
            "k8tre: registry-token: environment variable REGISTRY_TOKEN is not set; export it and run again");
  }

  @Test
  void applyWhenVariableSetThenValueStoredAndNeverPrinted() throws Exception {
    environment.put("REGISTRY_TOKEN", "tok-1234567890");

    int code = run("secrets", "apply", "-f", envSpec().toString(), "--strict");

    assertThat(code).isZero();
    assertThat(data("registry-token")).containsEntry("token", "tok-1234567890");
    assertThat(out.toString() + err).doesNotContain("tok-1234567890").contains("$REGISTRY_TOKEN");
  }

  @Test
  void applyWhenOverwriteAndMergeTogetherThenUsageErrorExitTwo() {
    int code = run("secrets", "apply", "-f", spec.toString(), "--overwrite", "--merge-keys");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void applyWhenSpecFileMissingThenUsageErrorExitTwo() {
    int code = run("secrets", "apply", "-f", dir.resolve("nope.yaml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("k8tre: spec file not found");
  }

  @Test
  void applyWhenSpecInvalidThenOneLinePerProblemExitOne() throws Exception {
    Files.writeString(spec, "secrets:\n  - name: x\n    data: []\n  - name: Y\n");

    int code = run("secrets", "apply", "-f", spec.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("k8tre: "));
  }

  private Path envSpec() throws Exception {
    return Files.writeString(
        dir.resolve("env.yaml"),
        """
        secrets:
          - name: registry-token
            data:
              - key: token
                value: "{{ lookup_env(REGISTRY_TOKEN) }}"
        """);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = K8treCommand.commandLine(context -> client, environment::get);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(NS).withName(name).get();
  }

  private Map<String, String> data(String name) {
    Map<String, String> decoded = new HashMap<>();
    secret(name)
        .getData()
        .forEach(
            (k, v) ->
                decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return decoded;
  }
}
