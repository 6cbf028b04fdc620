package io.k8tre.cli.secrets;

import picocli.CommandLine.Command;

/** {@code k8tre secrets}: the group of commands about the platform's generated secrets. */
@Command(
    name = "secrets",
    description = "Generate the platform's secrets for External Secrets Operator.",
    mixinStandardHelpOptions = true)
public final class SecretsCommand {}
