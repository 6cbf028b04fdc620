package io.k8tre.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The malformed-token kinds of bad-inputs.md: each is refused with its own reason. */
class ProjectTokensTest {

  private static final String ISSUER = "https://portal.tre.example";
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final RSAKey ours = newKey();
  private final SigningKeys keys = keysFile(ours);
  private final ProjectTokens tokens =
      new ProjectTokens(keys, ISSUER, Duration.ofMinutes(10), Duration.ofSeconds(30), clock);

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SigningKeys keysFile(RSAKey... keys) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("jwks", ".json");
      file.toFile().deleteOnExit();
      java.nio.file.Files.writeString(
          file, new com.nimbusds.jose.jwk.JWKSet(java.util.List.of(keys)).toString(false));
      return SigningKeys.load(file);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String mint() {
    return tokens.mint("sub-1", "trevolution", "trevolution@k8tre.io", "asthma", "sid-1");
  }

  private JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(ProjectTokens.AUDIENCE)
        .subject("sub-1")
        .claim("preferred_username", "trevolution")
        .claim("project", "asthma")
        .claim("sid", "sid-1")
        .issueTime(Date.from(START))
        .expirationTime(Date.from(START.plusSeconds(600)));
  }

  private String signWith(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private String kid() {
    return keys.activeKeyId();
  }

  @Test
  void verifyWhenMintedThenClaimsComeBack() {
    ProjectTokens.Verification verification = tokens.verify(mint());

    assertThat(verification.isValid()).isTrue();
    ProjectToken token = verification.token().orElseThrow();
    assertThat(token.username()).isEqualTo("trevolution");
    assertThat(token.project()).isEqualTo("asthma");
    assertThat(token.sessionId()).isEqualTo("sid-1");
    assertThat(token.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void verifyWhenGarbageThenMalformed() {
    assertThat(tokens.verify("not-a-token").problem()).isEqualTo(TokenProblem.MALFORMED);
    assertThat(tokens.verify("a.b.c").problem()).isEqualTo(TokenProblem.MALFORMED);
    assertThat(tokens.verify("x".repeat(10_000)).problem()).isEqualTo(TokenProblem.MALFORMED);
  }

  @Test
  void verifyWhenTruncatedThenRefused() {
    String token = mint();

    assertThat(tokens.verify(token.substring(0, token.length() - 10)).isValid()).isFalse();
    assertThat(tokens.verify(token.substring(0, token.lastIndexOf('.'))).isValid()).isFalse();
  }

  @Test
  void verifyWhenAlgNoneThenAlgorithmRefused() {
    String unsigned = new PlainJWT(validClaims().build()).serialize();

    assertThat(tokens.verify(unsigned).problem()).isEqualTo(TokenProblem.ALGORITHM);
  }

  @Test
  void verifyWhenHmacSignedWithPublicKeyThenAlgorithmRefused() throws Exception {
    byte[] publicKey = keys.publicKeys().getKeys().get(0).toRSAKey().toPublicKey().getEncoded();
    SignedJWT confused =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid()).build(), validClaims().build());
    confused.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, 64)));

    assertThat(tokens.verify(confused.serialize()).problem()).isEqualTo(TokenProblem.ALGORITHM);
  }

  @Test
  void verifyWhenOtherKeyUsesOurKidThenSignatureRefused() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).generate();

    assertThat(tokens.verify(signWith(other, kid(), validClaims().build())).problem())
        .isEqualTo(TokenProblem.SIGNATURE);
  }

  @Test
  void verifyWhenKidUnknownThenRefused() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).generate();

    assertThat(tokens.verify(signWith(other, "someone-else", validClaims().build())).problem())
        .isEqualTo(TokenProblem.UNKNOWN_KEY);
  }

  @Test
  void verifyWhenPayloadTamperedThenSignatureRefused() {
    String[] parts = mint().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = payload.replace("\"asthma\"", "\"diabetes\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
            + "."
            + parts[2];

    assertThat(tokens.verify(tampered).problem()).isEqualTo(TokenProblem.SIGNATURE);
  }

  @Test
  void verifyWhenIssuerOrAudienceWrongThenRefused() {
    ProjectTokens otherIssuer =
        new ProjectTokens(
            keys, "https://evil.example", Duration.ofMinutes(10), Duration.ofSeconds(30), clock);

    assertThat(tokens.verify(otherIssuer.mint("s", "u", "", "asthma", "sid")).problem())
        .isEqualTo(TokenProblem.ISSUER);
  }

  @Test
  void verifyWhenAudienceWrongThenRefused() throws Exception {
    JWTClaimsSet claims = validClaims().audience("backend").build();

    assertThat(tokens.verify(signWith(ours, kid(), claims)).problem())
        .isEqualTo(TokenProblem.AUDIENCE);
  }

  @Test
  void verifyWhenClaimsMissingThenRefused() throws Exception {
    JWTClaimsSet claims = validClaims().claim("sid", null).build();

    assertThat(tokens.verify(signWith(ours, kid(), claims)).problem())
        .isEqualTo(TokenProblem.CLAIMS);
  }

  @Test
  void verifyWhenExpiredBeyondLeewayThenExpired() {
    String token = mint();
    assertThat(tokens.verify(token).isValid()).isTrue();

    clock.advance(Duration.ofMinutes(10).plusSeconds(31));

    assertThat(tokens.verify(token).problem()).isEqualTo(TokenProblem.EXPIRED);
  }

  @Test
  void verifyWhenIssuedInTheFutureBeyondLeewayThenRefused() throws Exception {
    JWTClaimsSet claims =
        validClaims()
            .issueTime(Date.from(START.plusSeconds(120)))
            .expirationTime(Date.from(START.plusSeconds(720)))
            .build();

    assertThat(tokens.verify(signWith(ours, kid(), claims)).problem())
        .isEqualTo(TokenProblem.NOT_YET_VALID);
  }

  @Test
  void verifyWhenRotatedKeySetStillHoldsOldKeyThenOldTokensVerify() {
    String minted = mint();
    RSAKey newKey = newKey();
    ProjectTokens rotated =
        new ProjectTokens(
            keysFile(newKey, ours), ISSUER, Duration.ofMinutes(10), Duration.ofSeconds(30), clock);

    assertThat(rotated.verify(minted).isValid()).isTrue();
    assertThat(rotated.verify(rotated.mint("s", "u", "", "asthma", "sid")).isValid()).isTrue();
    assertThat(tokens.verify(rotated.mint("s", "u", "", "asthma", "sid")).problem())
        .isEqualTo(TokenProblem.UNKNOWN_KEY);
  }
}
