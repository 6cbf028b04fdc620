package io.k8tre.cli.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders an overlay with {@code kubectl kustomize} and parses the objects. */
final class Rendered {

  static final Path KUBECTL = Path.of("/usr/bin/kubectl");

  /**
   * Files written by other parts of the project; while one is missing, the render runs on a copy of
   * deploy/ with an empty stand-in so the rest can still be checked.
   */
  static final List<String> CONTRIBUTED =
      List.of(
          "base/auth-proxy/nginx-jupyterhub.conf.template",
          "base/auth-proxy/nginx-guacamole.conf.template",
          "components/jupyterhub/authenticator.py");

  private Rendered() {}

  static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/secrets"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no deploy/secrets above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static List<JsonNode> overlay(String environment) throws Exception {
    assumeTrue(
        Files.isExecutable(KUBECTL) || onPath(),
        "kubectl not installed: the rendered overlays are not checked");
    Path deploy = deployTree();
    Process process =
        new ProcessBuilder(
                "kubectl", "kustomize", deploy.resolve("overlays/" + environment).toString())
            .redirectErrorStream(false)
            .start();
    String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError("kubectl kustomize overlays/" + environment + " failed: " + errors);
    }
    return parse(yaml);
  }

  static List<JsonNode> parse(String yaml) {
    List<JsonNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      docs.forEachRemaining(
          d -> {
            if (d != null && !d.isMissingNode() && !d.isNull()) {
              objects.add(d);
            }
          });
    }
    return objects;
  }

  static String id(JsonNode object) {
    return object.path("kind").asString()
        + " "
        + object.at("/metadata/namespace").asString("")
        + "/"
        + object.at("/metadata/name").asString();
  }

  private static Path deployTree() throws IOException {
    Path deploy = repository().resolve("deploy");
    if (CONTRIBUTED.stream().allMatch(f -> Files.exists(deploy.resolve(f)))) {
      return deploy;
    }
    Path copy = Files.createTempDirectory("k8tre-deploy");
    try (Stream<Path> files = Files.walk(deploy)) {
      files.forEach(source -> copy(source, copy.resolve(deploy.relativize(source).toString())));
    }
    for (String file : CONTRIBUTED) {
      if (!Files.exists(copy.resolve(file))) {
        System.err.println("render test: " + file + " not written yet; using an empty stand-in");
        Files.writeString(copy.resolve(file), "");
      }
    }
    return copy;
  }

  private static void copy(Path source, Path target) {
    try {
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.copy(source, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "kubectl")));
  }
}
