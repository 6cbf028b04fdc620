package io.k8tre.cli.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a secrets spec and reports every problem in it at once. */
final class SpecReader {

  private static final Pattern SECRET_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern KEY_NAME = Pattern.compile("[-._a-zA-Z0-9]+");

  private final List<String> problems = new ArrayList<>();

  private SpecReader() {}

  /**
   * @throws SpecException listing every problem, each with where it is and the rule broken
   */
  static SecretsSpec read(Path file) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readString(file));
    } catch (java.io.IOException | JacksonException e) {
      throw new SpecException(List.of(file + ": not readable as YAML: " + e.getMessage()));
    }
    SpecReader reader = new SpecReader();
    SecretsSpec spec = reader.spec(root);
    if (!reader.problems.isEmpty()) {
      throw new SpecException(reader.problems.stream().map(p -> file + ": " + p).toList());
    }
    return spec;
  }

  private SecretsSpec spec(JsonNode root) {
    JsonNode secrets = root == null ? null : root.get("secrets");
    if (secrets == null || !secrets.isArray()) {
      problems.add("'secrets' must be a list of {name, type, data}");
      return new SecretsSpec(Optional.empty(), List.of());
    }
    List<SecretsSpec.Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < secrets.size(); i++) {
      SecretsSpec.Entry entry = entry(secrets.get(i), "secrets[" + i + "]");
      if (entry != null && !names.add(entry.name())) {
        problems.add("secrets[" + i + "]: secret '" + entry.name() + "' is listed twice");
      } else if (entry != null) {
        entries.add(entry);
      }
    }
    JsonNode namespace = root.get("namespace");
    return new SecretsSpec(
        Optional.ofNullable(namespace).filter(JsonNode::isString).map(JsonNode::asString),
        List.copyOf(entries));
  }

  private SecretsSpec.Entry entry(JsonNode node, String where) {
    String name = text(node, "name");
    if (name == null || !SECRET_NAME.matcher(name).matches()) {
      problems.add(where + ": 'name' must be a lower-case DNS name, got '" + name + "'");
      return null;
    }
    where = where + " (" + name + ")";
    String type = text(node, "type");
    SecretsSpec.Kind kind = kind(type == null ? "generic" : type, where);
    JsonNode data = node.get("data");
    if (data == null || !data.isArray() || data.isEmpty()) {
      problems.add(where + ": 'data' must be a non-empty list of {key, value}");
      return null;
    }
    List<SecretsSpec.Key> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < data.size(); i++) {
      SecretsSpec.Key key = key(data.get(i), where + ".data[" + i + "]");
      if (key != null && !seen.add(key.name())) {
        problems.add(where + ": key '" + key.name() + "' is listed twice");
      } else if (key != null) {
        keys.add(key);
      }
    }
    return kind == null ? null : new SecretsSpec.Entry(name, kind, List.copyOf(keys));
  }

  private SecretsSpec.Kind kind(String type, String where) {
    return switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "generic", "opaque" -> SecretsSpec.Kind.OPAQUE;
      case "tls" -> SecretsSpec.Kind.TLS;
      default -> {
        problems.add(where + ": type '" + type + "' is not one of generic, opaque, tls");
        yield null;
      }
    };
  }

  private SecretsSpec.Key key(JsonNode node, String where) {
    String key = text(node, "key");
    if (key == null || !KEY_NAME.matcher(key).matches()) {
      problems.add(where + ": 'key' must match [-._a-zA-Z0-9]+, got '" + key + "'");
      return null;
    }
    JsonNode value = node.get("value");
    if (value == null || !value.isValueNode() || value.isNull()) {
      // The value itself is never echoed: it may be a real password.
      problems.add(where + " (" + key + "): 'value' must be a string (use \"\" for empty)");
      return null;
    }
    try {
      return new SecretsSpec.Key(key, ValueSource.parse(value.asString()));
    } catch (IllegalArgumentException e) {
      problems.add(where + " (" + key + "): " + e.getMessage());
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
  }
}
