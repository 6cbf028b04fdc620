package io.k8tre.cli.secrets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The value generators of the secrets spec. Pure: the randomness comes in as an argument, so tests
 * can check lengths and alphabets without a cluster.
 */
final class Generators {

  static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  static final int RSA_KEY_BITS = 2048;

  private Generators() {}

  /** {@code length} characters from {@code [A-Za-z0-9]}. */
  static String password(RandomGenerator random, int length) {
    return pick(random, ALPHANUMERIC, length);
  }

  /** {@code bytes} random bytes as {@code 2 * bytes} lower-case hex digits. */
  static String hexKey(RandomGenerator random, int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }

  /** The shape of an AWS access key id, which S3-compatible stores accept: AKIA + 16. */
  static String s3AccessKey(RandomGenerator random) {
    return "AKIA" + pick(random, UPPER_ALPHANUMERIC, 16);
  }

  /**
   * A JWK Set holding one private RSA signing key (RS256, use {@code sig}) whose key id is its RFC
   * 7638 thumbprint, so two generated sets never clash on a kid during a rotation.
   */
  static String rsaJwkSet() {
    try {
      RSAKey key =
          new RSAKeyGenerator(RSA_KEY_BITS)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      // false: keep the private parts; this set is what the portal signs with.
      return new JWKSet(key).toString(false);
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA key generation failed", e);
    }
  }

  private static String pick(RandomGenerator random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
