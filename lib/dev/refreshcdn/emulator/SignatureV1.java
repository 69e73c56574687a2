package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature v1 (HmacSHA1/HmacSHA256) as the legacy API 2.0 gateway checks it. Written independently of the
 * client library so that the emulator tests the client rather than agreeing with it.
 */
final class SignatureV1 {
  private SignatureV1() {
  }

  /**
   * Builds the string the service signs: METHOD + host + path + "?" + every parameter but Signature, names
   * with '_' turned into '.', sorted by name, joined as name=value with the raw (decoded) values.
   */
  static String sourceString(String method, String host, String path, Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!"Signature".equals(e.getKey())) {
        sorted.put(e.getKey().replace('_', '.'), e.getValue());
      }
    }
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      query.add(e.getKey() + "=" + e.getValue());
    }
    return method + host + path + "?" + query;
  }

  /** Only the exact value HmacSHA256 selects SHA-256; anything else, or nothing, means SHA-1. */
  static String algorithm(String signatureMethod) {
    return "HmacSHA256".equals(signatureMethod) ? "HmacSHA256" : "HmacSHA1";
  }

  static String sign(String source, String secretKey, String algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** Compares in constant time, so the emulator does not model a timing oracle. */
  static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
