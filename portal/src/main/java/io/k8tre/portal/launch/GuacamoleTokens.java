package io.k8tre.portal.launch;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a JSON document for guacamole-auth-json (guacamole-json.md §3): HMAC-SHA256 of the exact
 * bytes, signature first, AES-CBC with a zero IV and PKCS#7 padding, standard Base64 on one line.
 * The caller serialises the document once and passes those bytes; nothing here re-serialises.
 */
public final class GuacamoleTokens {

  /** The extension's fixed IV (§3 step 3): the format has no room to carry one. */
  private static final byte[] ZERO_IV = new byte[16];

  private GuacamoleTokens() {}

  public static String seal(GuacamoleKey key, byte[] json) {
    byte[] raw = key.bytes();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      byte[] signature = mac.doFinal(json);

      byte[] plaintext = new byte[signature.length + json.length];
      System.arraycopy(signature, 0, plaintext, 0, signature.length);
      System.arraycopy(json, 0, plaintext, signature.length, json.length);

      // Java's name for PKCS#7 padding on a 16-byte block cipher.
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), new IvParameterSpec(ZERO_IV));
      return Base64.getEncoder().encodeToString(aes.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CBC and HmacSHA256 are part of every JDK", e);
    }
  }
}
