package io.k8tre.cli;

import io.k8tre.cli.secrets.ClusterConnector;
import io.k8tre.cli.secrets.SecretsApplyCommand;
import io.k8tre.cli.secrets.SecretsCommand;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code k8tre} command and the tree of its subcommands. */
@Command(
    name = "k8tre",
    description = "Tools for operating a K8TRE environment.",
    mixinStandardHelpOptions = true,
    version = "k8tre 0.1.0")
public final class K8treCommand {

  private K8treCommand() {}

  /**
   * Builds the command tree with its collaborators; {@code main} and the tests both call this.
   *
   * @param environment looks up environment variables for {@code lookup_env}
   */
  public static CommandLine commandLine(
      ClusterConnector connector, UnaryOperator<String> environment) {
    CommandLine secrets = new CommandLine(new SecretsCommand());
    secrets.addSubcommand(new SecretsApplyCommand(connector, environment));
    CommandLine root = new CommandLine(new K8treCommand());
    root.addSubcommand(secrets);
    // One line per problem (house rule 27), then where to look; no usage dump, no stack trace.
    root.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          failed.getErr().println("k8tre: " + e.getMessage());
          failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
          failed.getErr().flush();
          return 2;
        });
    root.setExecutionExceptionHandler(
        (e, failed, parsed) -> {
          failed.getErr().println("k8tre: " + e.getMessage());
          failed.getErr().flush();
          return 1;
        });
    return root;
  }
}
