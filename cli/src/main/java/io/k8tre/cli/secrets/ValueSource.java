package io.k8tre.cli.secrets;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the value of one key comes from: the {@code value} string of the spec, parsed once. The
 * template forms are those of K8TRE's CI secrets file, plus {@code generate_rsa_jwk_set}.
 */
sealed interface ValueSource {

  int DEFAULT_PASSWORD_LENGTH = 16;
  int DEFAULT_HEX_BYTES = 32;
  int MAX_LENGTH = 4096;

  Pattern TEMPLATE =
      Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*(?:\\(\\s*([^)]*?)\\s*\\))?\\s*}}");
  Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * The value, or empty when it reads an environment variable that is not set.
   *
   * @param environment looks a variable up; null when unset
   */
  Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> environment);

  record Literal(String text) implements ValueSource {
    @Override
    public Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> env) {
      return Optional.of(new SecretValue(text, "literal"));
    }

    @Override
    public String toString() {
      // Literals in a spec are usually user names, but nothing stops someone putting a password.
      return "Literal[" + text.length() + " chars]";
    }
  }

  record Password(int length) implements ValueSource {
    @Override
    public Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> env) {
      return Optional.of(new SecretValue(Generators.password(random, length), "generated"));
    }
  }

  record HexKey(int bytes) implements ValueSource {
    @Override
    public Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> env) {
      return Optional.of(new SecretValue(Generators.hexKey(random, bytes), "generated"));
    }
  }

  record S3AccessKey() implements ValueSource {
    @Override
    public Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> env) {
      return Optional.of(new SecretValue(Generators.s3AccessKey(random), "generated"));
    }
  }

  record RsaJwkSet() implements ValueSource {
    @Override
    public Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> env) {
      return Optional.of(new SecretValue(Generators.rsaJwkSet(), "generated"));
    }
  }

  record EnvironmentVariable(String name) implements ValueSource {
    @Override
    public Optional<SecretValue> resolve(RandomGenerator random, UnaryOperator<String> env) {
      return Optional.ofNullable(env.apply(name)).map(v -> new SecretValue(v, "$" + name));
    }
  }

  /**
   * Parses a spec value. Text without {@code {{} is a literal; a template with an unknown name
   * or a bad argument is an error rather than a literal, so a typo never becomes a password.
   *
   * @throws IllegalArgumentException naming the rule that the value breaks
   */
  static ValueSource parse(String value) {
    if (!value.contains("{{")) {
      return new Literal(value);
    }
    Matcher m = TEMPLATE.matcher(value.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a template must be the whole value, like {{ generate_password(32) }}");
    }
    String name = m.group(1);
    String argument = m.group(2) == null ? "" : m.group(2);
    return switch (name) {
      case "generate_password" ->
          new Password(number(argument, DEFAULT_PASSWORD_LENGTH, "generate_password"));
      case "generate_hex_key" ->
          new HexKey(number(argument, DEFAULT_HEX_BYTES, "generate_hex_key"));
      case "generate_s3_access_key" -> noArgument(argument, name, new S3AccessKey());
      case "generate_rsa_jwk_set" -> noArgument(argument, name, new RsaJwkSet());
      case "lookup_env" -> variable(argument);
      default ->
          throw new IllegalArgumentException(
              "unknown generator '"
                  + name
                  + "' (known: generate_password, generate_hex_key, generate_s3_access_key,"
                  + " generate_rsa_jwk_set, lookup_env)");
    };
  }

  private static int number(String argument, int fallback, String name) {
    if (argument.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(argument);
      if (n >= 1 && n <= MAX_LENGTH) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    throw new IllegalArgumentException(
        name + " takes a whole number from 1 to " + MAX_LENGTH + ", not '" + argument + "'");
  }

  private static ValueSource noArgument(String argument, String name, ValueSource source) {
    if (!argument.isEmpty()) {
      throw new IllegalArgumentException(name + " takes no argument");
    }
    return source;
  }

  private static ValueSource variable(String argument) {
    if (!VARIABLE.matcher(argument).matches()) {
      throw new IllegalArgumentException(
          "lookup_env takes an environment variable name, not '" + argument + "'");
    }
    return new EnvironmentVariable(argument);
  }
}
