package io.k8tre.portal.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints and verifies project tokens: RS256 JWTs signed by the portal. Verification is cached by the
 * token's exact text, so the gateway's hot path checks a signature once per token, not once per
 * request; expiry is still checked on every use.
 */
public final class ProjectTokens {

  /** The only audience a project token is valid for. */
  public static final String AUDIENCE = "k8tre-apps";

  static final JOSEObjectType TYPE = new JOSEObjectType("k8tre-project+jwt");

  private final SigningKeys keys;
  private final String issuer;
  private final Duration lifetime;
  private final Duration skew;
  private final Clock clock;
  private final Cache<String, ProjectToken> verified;

  public ProjectTokens(
      SigningKeys keys, String issuer, Duration lifetime, Duration skew, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.skew = skew;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lifetime.plus(skew)).build();
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** A new signed token for one person, one project and one portal login. */
  public String mint(String subject, String username, String email, String project, String sid) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(AUDIENCE)
            .subject(subject)
            .claim("preferred_username", username)
            .claim("email", email == null ? "" : email)
            .claim("project", project)
            .claim("sid", sid)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.activeKeyId()).type(TYPE).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(keys.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a project token", e);
    }
    return jwt.serialize();
  }

  /** The verified claims, or the problem; never throws for bad input. */
  public Verification verify(String token) {
    if (token == null || token.isEmpty()) {
      return Verification.failed(TokenProblem.MISSING);
    }
    Instant now = clock.instant();
    ProjectToken known = verified.getIfPresent(token);
    if (known != null) {
      return checkTimes(known, now);
    }
    Verification fresh = verifyFully(token, now);
    fresh.token().ifPresent(t -> verified.put(token, t));
    return fresh.token().map(t -> checkTimes(t, now)).orElse(fresh);
  }

  private Verification verifyFully(String token, Instant now) {
    if (token.length() > 8192) {
      return Verification.failed(TokenProblem.MALFORMED);
    }
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException | RuntimeException e) {
      return Verification.failed(TokenProblem.MALFORMED);
    }
    if (!(parsed instanceof SignedJWT jwt)) {
      // "alg": "none" (a plain JWT) or an encrypted one: never a portal token.
      return Verification.failed(TokenProblem.ALGORITHM);
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      return Verification.failed(TokenProblem.ALGORITHM);
    }
    Optional<RSASSAVerifier> verifier = keys.verifier(jwt.getHeader().getKeyID());
    if (verifier.isEmpty()) {
      return Verification.failed(TokenProblem.UNKNOWN_KEY);
    }
    try {
      if (!jwt.verify(verifier.get())) {
        return Verification.failed(TokenProblem.SIGNATURE);
      }
      return claimsOf(jwt.getJWTClaimsSet());
    } catch (JOSEException | ParseException | RuntimeException e) {
      return Verification.failed(TokenProblem.SIGNATURE);
    }
  }

  private Verification claimsOf(JWTClaimsSet claims) throws ParseException {
    if (!issuer.equals(claims.getIssuer())) {
      return Verification.failed(TokenProblem.ISSUER);
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.size() != 1 || !AUDIENCE.equals(audience.get(0))) {
      return Verification.failed(TokenProblem.AUDIENCE);
    }
    String username = claims.getStringClaim("preferred_username");
    String project = claims.getStringClaim("project");
    String sid = claims.getStringClaim("sid");
    Date issued = claims.getIssueTime();
    Date expires = claims.getExpirationTime();
    if (username == null || project == null || sid == null || issued == null || expires == null) {
      return Verification.failed(TokenProblem.CLAIMS);
    }
    String email = claims.getStringClaim("email");
    return Verification.ok(
        new ProjectToken(
            claims.getSubject(),
            username,
            email == null ? "" : email,
            project,
            sid,
            issued.toInstant(),
            expires.toInstant()));
  }

  private Verification checkTimes(ProjectToken token, Instant now) {
    if (now.isAfter(token.expiresAt().plus(skew))) {
      return Verification.failed(TokenProblem.EXPIRED);
    }
    if (token.issuedAt().isAfter(now.plus(skew))) {
      return Verification.failed(TokenProblem.NOT_YET_VALID);
    }
    return Verification.ok(token);
  }

  /** Either verified claims or the reason they were refused. */
  public record Verification(Optional<ProjectToken> token, TokenProblem problem) {

    static Verification ok(ProjectToken token) {
      return new Verification(Optional.of(token), null);
    }

    static Verification failed(TokenProblem problem) {
      return new Verification(Optional.empty(), problem);
    }

    public boolean isValid() {
      return token.isPresent();
    }
  }
}
