package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Expected values computed outside the code with {@code openssl dgst -sha256 -hmac <secret>} over
 * the same payload bytes, the scheme of contracts 2.3.
 */
class HeaderSignerTest {

  private final HeaderSigner signer = new HeaderSigner("k8tre-test-secret-0123456789abcdef");

  @Test
  void signMatchesOpenssl() {
    assertThat(signer.sign("user", "project", "jupyterhub", 1700000000L))
        .isEqualTo("d38c5d670bc571270d6f343fe0681a0cc69300faa2bb368b07cac35746808063");
  }

  @Test
  void signHashesUtf8Bytes() {
    assertThat(signer.sign("zo\u00eb", "asthma", "jupyterhub", 1700000000L))
        .isEqualTo("97f3ad63a1631a02fbac7a8c9fd8af0fe4ce45fc37524a18f9e94abbefc3db57");
  }

  @Test
  void toStringHidesTheSecret() {
    assertThat(signer.toString()).doesNotContain("k8tre-test-secret");
  }
}
