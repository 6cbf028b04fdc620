package io.k8tre.portal.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Auth-Signature}: HMAC-SHA256 over {@code user|project|audience|stamp} in UTF-8, with the
 * shared secret's UTF-8 bytes as key, written as lower-case hex — the scheme K8TRE's JupyterHub
 * authenticator verifies (contracts 2.3).
 */
public final class HeaderSigner {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SecretKeySpec key;

  public HeaderSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(String user, String project, String audience, long stamp) {
    String payload = user + "|" + project + "|" + audience + "|" + stamp;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return hex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "HeaderSigner[key=***]";
  }
}
