package io.k8tre.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders each overlay and holds it to the deployment rules of issue #6. */
class DeployPolicyTest {

  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  /** Substituted at deploy time (envsubst) or by Keycloak's realm import. */
  private static final Set<String> PLACEHOLDERS = Set.of("DOMAIN", "BACKEND_CLIENT_SECRET");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenSecretReferencedThenExternalSecretMakesItFromSpecKeys(String env)
      throws Exception {
    List<JsonNode> objects = Rendered.overlay(env);
    Map<String, Set<String>> spec = specKeys();
    Map<String, Set<String>> produced = new HashMap<>();
    List<String> problems = new ArrayList<>();

    for (JsonNode es : ofKind(objects, "ExternalSecret")) {
      String target = es.at("/spec/target/name").asString(es.at("/metadata/name").asString());
      Set<String> keys = produced.computeIfAbsent(ns(es) + "/" + target, k -> new HashSet<>());
      for (JsonNode d : es.at("/spec/data")) {
        keys.add(d.path("secretKey").asString());
        String remote = d.at("/remoteRef/key").asString();
        String property = d.at("/remoteRef/property").asString();
        if (!spec.getOrDefault(remote, Set.of()).contains(property)) {
          problems.add(Rendered.id(es) + " reads " + remote + "/" + property + ", not in the spec");
        }
      }
    }
    for (JsonNode object : objects) {
      for (SecretReferences.Reference ref : SecretReferences.of(object)) {
        Set<String> keys = produced.get(ref.namespace() + "/" + ref.secret());
        if (keys == null || (ref.key() != null && !keys.contains(ref.key()))) {
          problems.add(
              ref.from() + " reads " + ref.secret() + "/" + ref.key() + ", no ExternalSecret");
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenRbacBoundThenRulesAreExactlyTheCodeCalls(String env) throws Exception {
    List<JsonNode> objects = Rendered.overlay(env);
    Map<String, JsonNode> roles = new HashMap<>();
    for (JsonNode role : objects) {
      String kind = role.path("kind").asString();
      if (kind.equals("Role") || kind.equals("ClusterRole")) {
        roles.put(kind + "/" + ns(role) + "/" + role.at("/metadata/name").asString(), role);
      }
    }
    Map<String, Set<String>> granted = new HashMap<>();
    for (JsonNode binding : objects) {
      String kind = binding.path("kind").asString();
      if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
        continue;
      }
      String roleKind = binding.at("/roleRef/kind").asString();
      String roleNs = roleKind.equals("Role") ? ns(binding) : "";
      JsonNode role =
          roles.get(roleKind + "/" + roleNs + "/" + binding.at("/roleRef/name").asString());
      assertThat(role).as(Rendered.id(binding) + " refers to a missing role").isNotNull();
      for (JsonNode subject : binding.path("subjects")) {
        String account =
            subject.path("namespace").asString() + "/" + subject.path("name").asString();
        granted.computeIfAbsent(account, a -> new TreeSet<>()).addAll(triples(role));
      }
    }

    assertThat(granted).isEqualTo(CodeCalls.BY_SERVICE_ACCOUNT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenImageUsedThenPinnedToAVersion(String env) throws Exception {
    List<String> images = new ArrayList<>();
    for (JsonNode object : Rendered.overlay(env)) {
      containers(object).forEach(c -> images.add(c.path("image").asString()));
      if (object.at("/spec/image").isString()) {
        images.add(object.at("/spec/image").asString());
      }
      if (object.at("/spec/imageName").isString()) {
        images.add(object.at("/spec/imageName").asString());
      }
    }

    assertThat(images)
        .isNotEmpty()
        .allSatisfy(
            image ->
                assertThat(image)
                    .as("image %s needs a version tag", image)
                    .matches("[^:@]+(:[0-9v][^:@]*)(@sha256:[0-9a-f]{64})?")
                    .doesNotEndWith(":latest"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenContainerRunsThenProbesAndLimits(String env) throws Exception {
    List<String> problems = new ArrayList<>();
    for (JsonNode object : Rendered.overlay(env)) {
      for (JsonNode c : containers(object)) {
        String where = Rendered.id(object) + " container " + c.path("name").asString();
        for (String field : List.of("livenessProbe", "readinessProbe")) {
          if (!c.has(field)) {
            problems.add(where + " has no " + field);
          }
        }
        for (String limit : List.of("cpu", "memory")) {
          if (!c.at("/resources/limits").has(limit) || !c.at("/resources/requests").has(limit)) {
            problems.add(where + " lacks a " + limit + " request or limit");
          }
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenAnySecretThenNoneCarriesALiteralValue(String env) throws Exception {
    List<String> literal =
        ofKind(Rendered.overlay(env), "Secret").stream().map(Rendered::id).toList();

    assertThat(literal).as("Secrets must come from External Secrets").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenPlaceholderLeftThenOnlyTheDomainOrRealmSecret(String env) throws Exception {
    Set<String> found = new TreeSet<>();
    for (JsonNode object : Rendered.overlay(env)) {
      if (!isNginxTemplate(object)) {
        found.addAll(placeholders(object.toString()));
      }
    }

    assertThat(found).contains("DOMAIN").isSubsetOf(PLACEHOLDERS);
  }

  /** nginx templates are filled at container start from the env of the container mounting them. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "stg", "prd"})
  void renderWhenNginxTemplateMountedThenItsContainerDefinesEveryVariable(String env)
      throws Exception {
    List<JsonNode> objects = Rendered.overlay(env);
    Map<String, Set<String>> variablesByConfigMap = new HashMap<>();
    for (JsonNode map : ofKind(objects, "ConfigMap")) {
      if (isNginxTemplate(map)) {
        variablesByConfigMap.put(map.at("/metadata/name").asString(), placeholders(map.toString()));
      }
    }
    assertThat(variablesByConfigMap).isNotEmpty();

    for (JsonNode workload : objects) {
      for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
        Set<String> needed = variablesByConfigMap.get(volume.at("/configMap/name").asString());
        if (needed == null) {
          continue;
        }
        for (JsonNode container : containers(workload)) {
          Set<String> defined = new TreeSet<>();
          container.path("env").forEach(e -> defined.add(e.path("name").asString()));
          assertThat(defined).as(Rendered.id(workload)).containsAll(needed);
        }
      }
    }
  }

  private static boolean isNginxTemplate(JsonNode object) {
    return object.path("kind").asString().equals("ConfigMap")
        && object.at("/metadata/name").asString().contains("nginx-template");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  static Map<String, Set<String>> specKeys() throws Exception {
    JsonNode spec =
        new YAMLMapper()
            .readTree(
                Files.readString(
                    Rendered.repository().resolve("deploy/secrets/k8tre-portal-secrets.yaml")));
    Map<String, Set<String>> keys = new HashMap<>();
    for (JsonNode secret : spec.path("secrets")) {
      Set<String> names =
          keys.computeIfAbsent(secret.path("name").asString(), n -> new HashSet<>());
      secret.path("data").forEach(d -> names.add(d.path("key").asString()));
    }
    return keys;
  }

  private static Set<String> triples(JsonNode role) {
    Set<String> out = new TreeSet<>();
    for (JsonNode rule : role.path("rules")) {
      for (JsonNode group : rule.path("apiGroups")) {
        String g = group.asString().isEmpty() ? "core" : group.asString();
        for (JsonNode resource : rule.path("resources")) {
          rule.path("verbs")
              .forEach(v -> out.add(g + " " + resource.asString() + " " + v.asString()));
        }
      }
    }
    return out;
  }

  private static List<JsonNode> containers(JsonNode object) {
    List<JsonNode> out = new ArrayList<>();
    if (WORKLOADS.contains(object.path("kind").asString())) {
      object.at("/spec/template/spec/containers").forEach(out::add);
      object.at("/spec/template/spec/initContainers").forEach(out::add);
    }
    return out;
  }

  private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
  }

  private static String ns(JsonNode object) {
    return object.at("/metadata/namespace").asString("");
  }
}
