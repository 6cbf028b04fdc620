package io.k8tre.portal.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that sign and verify project tokens. Loaded from a mounted JWK Set; the first key signs
 * and every key verifies, so a new key can be added (and published at the JWKS endpoint) before it
 * starts signing, and an old one removed once its tokens have expired.
 */
public final class SigningKeys {

  private final RSAKey active;
  private final RSASSASigner signer;
  private final Map<String, RSASSAVerifier> verifiers;
  private final JWKSet publicKeys;

  private SigningKeys(List<RSAKey> keys) throws JOSEException {
    this.active = keys.get(0);
    this.signer = new RSASSASigner(active);
    Map<String, RSASSAVerifier> byKid = new LinkedHashMap<>();
    for (RSAKey key : keys) {
      byKid.put(key.getKeyID(), new RSASSAVerifier(key.toRSAPublicKey()));
    }
    this.verifiers = Map.copyOf(byKid);
    this.publicKeys = new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
  }

  /** Loads a JWK Set file; every key must be an RSA private key with a key id. */
  public static SigningKeys load(Path file) {
    try {
      List<JWK> all = JWKSet.load(file.toFile()).getKeys();
      if (all.isEmpty()) {
        throw new IllegalArgumentException("no keys in " + file);
      }
      List<RSAKey> keys =
          all.stream()
              .map(
                  jwk -> {
                    if (!(jwk instanceof RSAKey rsa)
                        || !rsa.isPrivate()
                        || rsa.getKeyID() == null) {
                      throw new IllegalArgumentException(
                          "every key in " + file + " must be an RSA private key with a kid");
                    }
                    return rsa;
                  })
              .toList();
      return new SigningKeys(keys);
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalArgumentException("cannot read the signing keys in " + file, e);
    }
  }

  /** A fresh key for this process only (demo mode): tokens die with the process. */
  public static SigningKeys generate() {
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      return new SigningKeys(List.of(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }

  String activeKeyId() {
    return active.getKeyID();
  }

  RSASSASigner signer() {
    return signer;
  }

  Optional<RSASSAVerifier> verifier(String kid) {
    return Optional.ofNullable(kid).map(verifiers::get);
  }

  /** The public keys, for the JWKS endpoint. */
  public JWKSet publicKeys() {
    return publicKeys;
  }
}
