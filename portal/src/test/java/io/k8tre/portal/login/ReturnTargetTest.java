package io.k8tre.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-redirect kinds of bad-inputs.md, with the environment domain {@code tre.example}. */
class ReturnTargetTest {

  private static final String DOMAIN = "tre.example";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/",
        "/\\evil.example",
        "%2F%5Cevil.example",
        "/%09/evil.example",
        "https:evil.example",
        "https:/evil.example",
        "/%2F/evil.example",
        "/%252F/evil.example",
        "/%5Cevil.example",
        "https://evil.example/",
        "https://tre.example.evil.example/",
        "https://eviltre.example/",
        "https://tre.example@evil.example/",
        "https://user:pass@jupyter.tre.example/",
        "https://jupyter.tre.example\\@evil.example/",
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://jupyter.tre.example/",
        "/\t/evil.example",
        "/\r\nSet-Cookie:x=y",
        "/caf\u00e9",
        "https://jupyter..tre.example/",
        "hub/home",
        "",
      })
  void checkWhenTargetLeavesTheEnvironmentThenRejected(String target) {
    assertThat(ReturnTarget.check(target, DOMAIN).accepted()).as(target).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/projects",
        "/projects/asthma/apps?x=1",
        "https://tre.example/",
        "https://jupyter.tre.example/hub/home",
        "HTTPS://JUPYTER.TRE.EXAMPLE/hub",
        "https://guacamole.tre.example:8443/guacamole/",
        "https://a.b.tre.example/x?next=%2Fhub",
      })
  void checkWhenTargetIsInsideTheEnvironmentThenAccepted(String target) {
    assertThat(ReturnTarget.check(target, DOMAIN).accepted()).as(target).isTrue();
  }

  @Test
  void checkWhenRejectedThenReasonNamesTheKind() {
    assertThat(ReturnTarget.check("https://tre.example@evil.example/", DOMAIN).rejection())
        .isEqualTo("redirect.userinfo");
    assertThat(ReturnTarget.check("/\\evil.example", DOMAIN).rejection())
        .isEqualTo("redirect.backslash");
    assertThat(ReturnTarget.check("//evil.example", DOMAIN).rejection())
        .isEqualTo("redirect.other-origin");
  }

  @Test
  void checkWhenTooLongThenRejected() {
    String target = "/" + "a".repeat(ReturnTarget.MAX_LENGTH);

    assertThat(ReturnTarget.check(target, DOMAIN).rejection()).isEqualTo("redirect.too-long");
  }

  @Test
  void isWithinDomainComparesWholeLabels() {
    assertThat(ReturnTarget.isWithinDomain("portal.tre.example", DOMAIN)).isTrue();
    assertThat(ReturnTarget.isWithinDomain("tre.example", DOMAIN)).isTrue();
    assertThat(ReturnTarget.isWithinDomain("xtre.example", DOMAIN)).isFalse();
    assertThat(ReturnTarget.isWithinDomain("tre.example.com", DOMAIN)).isFalse();
    assertThat(ReturnTarget.isWithinDomain("example", DOMAIN)).isFalse();
  }
}
