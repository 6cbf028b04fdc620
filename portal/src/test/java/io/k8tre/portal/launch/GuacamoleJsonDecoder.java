package io.k8tre.portal.launch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An independent reading of what Guacamole's JSON extension does with {@code data}, written from
 * guacamole-json.md §3 (the ten checks, in their order) rather than from the portal's encoder. One
 * instance is one running extension: it remembers single-use documents.
 */
final class GuacamoleJsonDecoder {

  /** The extension's document schema: any other field fails parsing. */
  record Document(
      String username, Long expires, Boolean singleUse, Map<String, Connection> connections) {}

  record Connection(
      String id, String protocol, String join, Map<String, String> parameters, Boolean singleUse) {}

  /** A refusal, naming the check that failed. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String step) {
      super(step);
    }
  }

  // Jackson 2 defaults, as the extension's plain ObjectMapper has them: unknown fields fail,
  // text after the document is ignored.
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final byte[] key;
  private final List<String> trustedNetworks;
  private final Set<String> usedSignatures = new HashSet<>();

  GuacamoleJsonDecoder(String keyHex, List<String> trustedNetworks) {
    this.key = HexFormat.of().parseHex(keyHex.toLowerCase(Locale.ROOT));
    this.trustedNetworks = trustedNetworks;
  }

  Document decode(String data, String remoteAddress, long nowMillis) throws Rejected {
    if (!trustedNetworks.isEmpty() && !isTrusted(remoteAddress)) {
      throw new Rejected("trusted-networks");
    }
    if (data == null) {
      throw new Rejected("data-missing");
    }
    byte[] cipher = base64(data);
    byte[] plain = decrypt(cipher);
    if (plain.length <= 32) {
      throw new Rejected("too-short");
    }
    byte[] signature = Arrays.copyOfRange(plain, 0, 32);
    byte[] json = Arrays.copyOfRange(plain, 32, plain.length);
    if (!MessageDigest.isEqual(signature, hmac(json))) {
      throw new Rejected("signature");
    }
    String text = utf8(json);
    Document doc;
    try {
      doc = STRICT.readValue(text, Document.class);
    } catch (JacksonException e) {
      throw new Rejected("json");
    }
    if (doc.expires() != null && nowMillis > doc.expires()) {
      throw new Rejected("expired");
    }
    if (Boolean.TRUE.equals(doc.singleUse())) {
      String id = HexFormat.of().formatHex(signature);
      if (doc.expires() == null || !usedSignatures.add(id)) {
        throw new Rejected("single-use");
      }
    }
    return doc;
  }

  /**
   * Guava's {@code base64()}: standard alphabet only, no whitespace, but a missing {@code =}
   * padding is fine.
   */
  private static byte[] base64(String data) throws Rejected {
    if (!data.matches("[A-Za-z0-9+/]*={0,2}")) {
      throw new Rejected("base64");
    }
    String unpadded = data.replace("=", "");
    if (unpadded.length() % 4 == 1) {
      throw new Rejected("base64");
    }
    try {
      return Base64.getDecoder().decode(unpadded);
    } catch (IllegalArgumentException e) {
      throw new Rejected("base64");
    }
  }

  private byte[] decrypt(byte[] cipher) throws Rejected {
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      return aes.doFinal(cipher);
    } catch (GeneralSecurityException e) {
      throw new Rejected("decrypt");
    }
  }

  private byte[] hmac(byte[] json) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(json);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String utf8(byte[] bytes) throws Rejected {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Rejected("utf-8");
    }
  }

  private boolean isTrusted(String address) {
    for (String entry : trustedNetworks) {
      if (matches(entry.strip(), address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String network, String address) {
    try {
      String[] parts = network.split("/");
      byte[] net = InetAddress.getByName(parts[0]).getAddress();
      byte[] addr = InetAddress.getByName(address).getAddress();
      if (net.length != addr.length) {
        return false;
      }
      int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }
}
