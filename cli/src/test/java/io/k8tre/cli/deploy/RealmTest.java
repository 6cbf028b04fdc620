package io.k8tre.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The realm is written twice (plain Deployment and Keycloak Operator); they must agree. */
class RealmTest {

  @Test
  void realmWhenImportedEitherWayThenSameRealm() throws Exception {
    Path components = Rendered.repository().resolve("deploy/components");

    JsonNode json =
        new JsonMapper().readTree(Files.readString(components.resolve("keycloak/realm.json")));
    JsonNode operator =
        new YAMLMapper()
            .readTree(Files.readString(components.resolve("keycloak-operator/realm-import.yaml")));

    assertThat(operator.at("/spec/realm")).isEqualTo(json);
  }

  @Test
  void realmWhenImportedThenBackendClientRedirectsToThePortalCallback() throws Exception {
    Path realm = Rendered.repository().resolve("deploy/components/keycloak/realm.json");

    JsonNode client = new JsonMapper().readTree(Files.readString(realm)).at("/clients/0");

    assertThat(client.path("clientId").asString()).isEqualTo("backend");
    assertThat(client.at("/redirectUris/0").asString())
        .isEqualTo("https://portal.${DOMAIN}/auth/callback");
  }
}
