package io.k8tre.cli.secrets;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.k8tre.cli.secrets.Outcome.Action;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/** Writes the Secrets of a spec into one namespace, one {@link Outcome} per Secret. */
final class SecretsApplier {

  static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  static final String MANAGED_BY = "k8tre-secrets";

  private final KubernetesClient client;
  private final String namespace;
  private final Options options;
  private final RandomGenerator random;
  private final UnaryOperator<String> environment;

  record Options(Mode mode, boolean dryRun, boolean strict) {}

  SecretsApplier(
      KubernetesClient client,
      String namespace,
      Options options,
      RandomGenerator random,
      UnaryOperator<String> environment) {
    this.client = client;
    this.namespace = namespace;
    this.options = options;
    this.random = random;
    this.environment = environment;
  }

  /** Creates the namespace when it is missing; true when it did (or, in a dry run, would). */
  boolean ensureNamespace() {
    if (client.namespaces().withName(namespace).get() != null) {
      return false;
    }
    if (!options.dryRun()) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    return true;
  }

  List<Outcome> apply(SecretsSpec spec) {
    List<Outcome> outcomes = new ArrayList<>();
    for (SecretsSpec.Entry entry : spec.secrets()) {
      outcomes.add(applyOne(entry));
    }
    return outcomes;
  }

  private Outcome applyOne(SecretsSpec.Entry entry) {
    if (entry.kind() == SecretsSpec.Kind.TLS) {
      return new Outcome(entry.name(), Action.SKIPPED, List.of(), null);
    }
    try {
      Secret existing = client.secrets().inNamespace(namespace).withName(entry.name()).get();
      return existing == null ? write(entry, null) : change(entry, existing);
    } catch (KubernetesClientException e) {
      return failed(entry.name(), e);
    }
  }

  private Outcome change(SecretsSpec.Entry entry, Secret existing) {
    Map<String, String> present = existing.getData() == null ? Map.of() : existing.getData();
    return switch (options.mode()) {
      case CREATE_MISSING -> unchanged(entry, present);
      case OVERWRITE -> write(entry, existing);
      case MERGE_KEYS -> {
        List<SecretsSpec.Key> missing =
            entry.keys().stream().filter(k -> !present.containsKey(k.name())).toList();
        yield missing.isEmpty()
            ? unchanged(entry, present)
            : merge(new SecretsSpec.Entry(entry.name(), entry.kind(), missing), existing);
      }
    };
  }

  private Outcome write(SecretsSpec.Entry entry, Secret existing) {
    Resolved resolved = resolve(entry);
    if (resolved.missing().isPresent()) {
      return missingVariable(entry, resolved.missing().get());
    }
    Action action = existing == null ? Action.CREATED : Action.OVERWRITTEN;
    if (!options.dryRun()) {
      Map<String, String> data = encode(resolved.values());
      if (existing == null) {
        client.secrets().inNamespace(namespace).resource(newSecret(entry.name(), data)).create();
      } else {
        edit(entry.name(), data, false);
      }
    }
    return Outcome.of(entry.name(), action, describe(resolved.values()));
  }

  private Outcome merge(SecretsSpec.Entry missingKeys, Secret existing) {
    Resolved resolved = resolve(missingKeys);
    if (resolved.missing().isPresent()) {
      return missingVariable(missingKeys, resolved.missing().get());
    }
    if (!options.dryRun()) {
      edit(missingKeys.name(), encode(resolved.values()), true);
    }
    List<String> keys = new ArrayList<>(describe(resolved.values()));
    existing.getData().keySet().forEach(k -> keys.add(k + ": kept"));
    return Outcome.of(missingKeys.name(), Action.MERGED, keys);
  }

  private void edit(String name, Map<String, String> data, boolean keepOthers) {
    client
        .secrets()
        .inNamespace(namespace)
        .withName(name)
        .edit(
            s -> {
              Map<String, String> next = new LinkedHashMap<>();
              if (keepOthers && s.getData() != null) {
                next.putAll(s.getData());
              }
              next.putAll(data);
              return new SecretBuilder(s)
                  .withData(next)
                  .editMetadata()
                  .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
                  .endMetadata()
                  .build();
            });
  }

  private Outcome unchanged(SecretsSpec.Entry entry, Map<String, String> present) {
    List<String> keys = present.keySet().stream().map(k -> k + ": kept").toList();
    return Outcome.of(entry.name(), Action.UNCHANGED, keys);
  }

  private Outcome missingVariable(SecretsSpec.Entry entry, String variable) {
    String problem =
        entry.name()
            + ": environment variable "
            + variable
            + " is not set; export it and run again";
    return options.strict()
        ? new Outcome(entry.name(), Action.FAILED, List.of(), problem)
        : new Outcome(entry.name(), Action.SKIPPED, List.of(), problem);
  }

  private Resolved resolve(SecretsSpec.Entry entry) {
    Map<String, SecretValue> values = new LinkedHashMap<>();
    for (SecretsSpec.Key key : entry.keys()) {
      Optional<SecretValue> value = key.source().resolve(random, environment);
      if (value.isEmpty()) {
        String variable = ((ValueSource.EnvironmentVariable) key.source()).name();
        return new Resolved(Map.of(), Optional.of(variable));
      }
      values.put(key.name(), value.get());
    }
    return new Resolved(values, Optional.empty());
  }

  private Secret newSecret(String name, Map<String, String> data) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  private static Map<String, String> encode(Map<String, SecretValue> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            data.put(
                k,
                Base64.getEncoder().encodeToString(v.reveal().getBytes(StandardCharsets.UTF_8))));
    return data;
  }

  private static List<String> describe(Map<String, SecretValue> values) {
    return values.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().masked()).toList();
  }

  private Outcome failed(String secret, KubernetesClientException e) {
    String detail =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    String problem =
        secret
            + ": Kubernetes answered "
            + e.getCode()
            + " ("
            + detail
            + "); check the context and that it may write Secrets in "
            + namespace;
    return new Outcome(secret, Action.FAILED, List.of(), problem);
  }

  /** Values of one Secret, or the first unset environment variable that stopped it. */
  private record Resolved(Map<String, SecretValue> values, Optional<String> missing) {}
}
