package io.k8tre.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

  private final RandomGenerator random = new SecureRandom();

  @Test
  void passwordWhenLengthGivenThenThatManyAlphanumerics() {
    String password = Generators.password(random, 64);

    assertThat(password).hasSize(64).matches("[A-Za-z0-9]{64}");
  }

  @Test
  void passwordWhenDrawnManyTimesThenUsesWholeAlphabet() {
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Generators.password(random, 64).chars().forEach(c -> seen.add((char) c));
    }

    // 12,800 draws over 62 symbols: a missing symbol means a biased or truncated alphabet.
    assertThat(seen).hasSize(62);
  }

  @Test
  void hexKeyWhenSixteenBytesThenThirtyTwoLowerCaseHexDigits() {
    assertThat(Generators.hexKey(random, 16)).matches("[0-9a-f]{32}");
  }

  @Test
  void hexKeyWhenThirtyTwoBytesThenSixtyFourHexDigits() {
    assertThat(Generators.hexKey(random, 32)).matches("[0-9a-f]{64}");
  }

  @Test
  void s3AccessKeyWhenGeneratedThenAkiaAndSixteenUpperAlphanumerics() {
    assertThat(Generators.s3AccessKey(random)).hasSize(20).matches("AKIA[A-Z0-9]{16}");
  }

  @Test
  void rsaJwkSetWhenGeneratedThenOnePrivateRs256SigningKeyWithThumbprintKid() throws Exception {
    JWKSet set = JWKSet.parse(Generators.rsaJwkSet());

    assertThat(set.getKeys()).hasSize(1);
    RSAKey key = set.getKeys().get(0).toRSAKey();
    assertThat(key.isPrivate()).isTrue();
    assertThat(key.size()).isEqualTo(2048);
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
  }
}
