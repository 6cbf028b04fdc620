package io.k8tre.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueSourceTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{{ generate_password }}      | Password[length=16]",
        "{{ generate_password(64) }}  | Password[length=64]",
        "{{generate_password( 32 )}}  | Password[length=32]",
        "{{ generate_hex_key }}       | HexKey[bytes=32]",
        "{{ generate_hex_key(16) }}   | HexKey[bytes=16]",
        "{{ generate_s3_access_key() }} | S3AccessKey[]",
        "{{ generate_rsa_jwk_set }}   | RsaJwkSet[]",
        "{{ lookup_env(GITHUB_TOKEN) }} | EnvironmentVariable[name=GITHUB_TOKEN]"
      })
  void parseWhenTemplateThenGenerator(String value, String expected) {
    assertThat(ValueSource.parse(value)).hasToString(expected);
  }

  @Test
  void parseWhenNoBracesThenLiteralKeptAsIs() {
    assertThat(ValueSource.parse("keycloak-user"))
        .isEqualTo(new ValueSource.Literal("keycloak-user"));
    assertThat(ValueSource.parse("")).isEqualTo(new ValueSource.Literal(""));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "{{ generate_pasword }}",
        "{{ generate_password(0) }}",
        "{{ generate_password(abc) }}",
        "{{ generate_hex_key(99999) }}",
        "{{ generate_s3_access_key(3) }}",
        "{{ lookup_env(1BAD) }}",
        "prefix-{{ generate_password }}"
      })
  void parseWhenTemplateIsWrongThenErrorInsteadOfLiteral(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> ValueSource.parse(value));
  }

  @Test
  void resolveWhenVariableUnsetThenEmpty() {
    ValueSource source = ValueSource.parse("{{ lookup_env(NOT_SET) }}");

    assertThat(source.resolve(new SecureRandom(), Map.<String, String>of()::get)).isEmpty();
  }

  @Test
  void resolveWhenVariableSetThenItsValue() {
    ValueSource source = ValueSource.parse("{{ lookup_env(TOKEN) }}");

    assertThat(source.resolve(new SecureRandom(), Map.of("TOKEN", "s3cr3t")::get))
        .hasValueSatisfying(v -> assertThat(v.reveal()).isEqualTo("s3cr3t"));
  }

  @Test
  void toStringWhenValueOrLiteralThenNoPlainText() {
    SecretValue value = new SecretValue("hunter2hunter2", "generated");

    assertThat(value.toString()).doesNotContain("hunter2").contains("14 chars");
    assertThat(new ValueSource.Literal("hunter2").toString()).doesNotContain("hunter2");
  }
}
