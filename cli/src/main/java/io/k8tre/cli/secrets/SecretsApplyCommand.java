package io.k8tre.cli.secrets;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code k8tre secrets apply -f spec.yaml}: creates the spec's Secrets in one namespace. */
@Command(
    name = "apply",
    description = "Create the Secrets of a spec file in the secret store namespace.",
    mixinStandardHelpOptions = true,
    sortOptions = false)
public final class SecretsApplyCommand implements Callable<Integer> {

  static final String DEFAULT_NAMESPACE = "secret-store";

  @Spec private CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "<spec.yaml>",
      description = "Secrets spec (K8TRE's CI secrets format).")
  private Path file;

  @Option(
      names = "--context",
      paramLabel = "<name>",
      description = "kubeconfig context (default: the current one).")
  private String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "<namespace>",
      description = "Target namespace (default: the spec's, else " + DEFAULT_NAMESPACE + ").")
  private String namespace;

  @Option(names = "--dry-run", description = "Show what would change; write nothing.")
  private boolean dryRun;

  @ArgGroup(exclusive = true)
  private ExistingSecrets existing = new ExistingSecrets();

  @Option(
      names = "--strict",
      description = "Fail when an environment variable of the spec is unset (default: skip).")
  private boolean strict;

  private final ClusterConnector connector;
  private final UnaryOperator<String> environment;

  static final class ExistingSecrets {
    @Option(names = "--overwrite", description = "Regenerate every key of existing Secrets.")
    boolean overwrite;

    @Option(
        names = "--merge-keys",
        description = "Add the keys existing Secrets lack; never regenerate a value.")
    boolean mergeKeys;

    Mode mode() {
      return overwrite ? Mode.OVERWRITE : mergeKeys ? Mode.MERGE_KEYS : Mode.CREATE_MISSING;
    }
  }

  public SecretsApplyCommand(ClusterConnector connector, UnaryOperator<String> environment) {
    this.connector = connector;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "spec file not found: " + file);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SecretsSpec secrets;
    try {
      secrets = SpecReader.read(file);
    } catch (SpecException e) {
      e.problems().forEach(p -> err.println("k8tre: " + p));
      return 1;
    }

    String target = namespace != null ? namespace : secrets.namespace().orElse(DEFAULT_NAMESPACE);
    KubernetesClient client = connector.connect(context);
    SecretsApplier applier =
        new SecretsApplier(
            client,
            target,
            new SecretsApplier.Options(existing.mode(), dryRun, strict),
            new SecureRandom(),
            environment);
    List<Outcome> outcomes;
    try {
      out.printf("Cluster %s, namespace %s%n", client.getMasterUrl(), target);
      if (applier.ensureNamespace()) {
        out.printf("Namespace %s %s%n", target, dryRun ? "would be created" : "created");
      }
      outcomes = applier.apply(secrets);
    } catch (KubernetesClientException e) {
      err.printf(
          "k8tre: cannot reach namespace %s (%s); check --context and your kubeconfig%n",
          target, e.getCode() > 0 ? "HTTP " + e.getCode() : e.getMessage());
      return 1;
    }

    SummaryTable.print(out, outcomes, dryRun);
    outcomes.stream()
        .filter(o -> o.problem() != null)
        .forEach(o -> err.println("k8tre: " + o.problem()));
    err.flush();
    return outcomes.stream().anyMatch(Outcome::isFailure) ? 1 : 0;
  }
}
