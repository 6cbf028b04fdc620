package io.k8tre.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCheckTest {

  private static PortalProperties settings(
      PortalProperties.Mode mode, String publicUrl, String secret, Path secretFile) {
    return new PortalProperties(
        mode,
        publicUrl == null ? null : URI.create(publicUrl),
        "tre.example",
        new PortalProperties.Oidc(
            URI.create("https://keycloak.tre.example/realms/k8tre-app"),
            "backend",
            secret,
            secretFile,
            List.of("openid")),
        new PortalProperties.Session(
            PortalProperties.Store.JDBC, Duration.ofHours(8), "k8tre-session", null));
  }

  @Test
  void problemsWhenProductionUsesDemoSecretThenRefusedWithoutShowingIt() {
    List<String> problems =
        SettingsCheck.problems(
            settings(
                PortalProperties.Mode.PRODUCTION,
                "https://portal.tre.example",
                "demo-backend-secret",
                null));

    assertThat(problems).singleElement().asString().contains("published default");
    assertThat(problems.get(0)).doesNotContain("demo-backend-secret");
  }

  @Test
  void problemsWhenSeveralSettingsAreWrongThenAllAreReportedAtOnce() {
    List<String> problems =
        SettingsCheck.problems(
            settings(PortalProperties.Mode.PRODUCTION, "http://portal.tre.example", null, null));

    assertThat(problems).hasSize(2);
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("https"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("client-secret"));
  }

  @Test
  void problemsWhenDemoModeUsesDemoSecretThenAccepted() {
    assertThat(
            SettingsCheck.problems(
                settings(
                    PortalProperties.Mode.DEMO,
                    "http://localhost:8080",
                    "demo-backend-secret",
                    null)))
        .isEmpty();
  }

  @Test
  void problemsWhenSecretComesFromFileThenFileIsUsed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("client-secret"), "x9-real-secret-value-31\n");

    assertThat(
            SettingsCheck.problems(
                settings(
                    PortalProperties.Mode.PRODUCTION,
                    "https://portal.tre.example",
                    "change-me",
                    file)))
        .isEmpty();
  }

  @Test
  void problemsWhenSecretFileIsMissingThenNamed(@TempDir Path dir) {
    List<String> problems =
        SettingsCheck.problems(
            settings(
                PortalProperties.Mode.PRODUCTION,
                "https://portal.tre.example",
                null,
                dir.resolve("absent")));

    assertThat(problems).singleElement().asString().contains("client-secret-file");
  }
}
