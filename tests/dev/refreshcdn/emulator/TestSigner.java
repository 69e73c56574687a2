package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' own signer, written from the reference rather than shared with the emulator, so a test that
 * passes means two independent readings of the documentation agree.
 */
final class TestSigner {
  private TestSigner() {
  }

  /** Signature v1 over METHOD + host + path + "?" + sorted raw name=value pairs. */
  static String v1(String method, String host, String path, Map<String, String> params, String key) {
    TreeMap<String, String> sorted = new TreeMap<>();
    params.forEach((k, v) -> {
      if (!k.equals("Signature")) {
        sorted.put(k.replace('_', '.'), v);
      }
    });
    String query = sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    String alg = "HmacSHA256".equals(params.get("SignatureMethod")) ? "HmacSHA256" : "HmacSHA1";
    return Base64.getEncoder().encodeToString(hmac(alg, key.getBytes(StandardCharsets.UTF_8), method + host + path + "?" + query));
  }

  /** The Authorization header for a TC3-HMAC-SHA256 POST of {@code body}. */
  static String tc3(String secretId, String key, long timestamp, String contentType, String host, byte[] body) {
    return tc3(secretId, key, timestamp, contentType, host, body, "cdn");
  }

  static String tc3(String secretId, String key, long timestamp, String contentType, String host, byte[] body, String service) {
    return tc3("POST", "", secretId, key, timestamp, contentType, host, body, service);
  }

  /** TC3 for any method: GET signs the query string exactly as sent and the hash of an empty body. */
  static String tc3(String method, String query, String secretId, String key, long timestamp, String contentType,
      String host, byte[] body, String service) {
    String date = Instant.ofEpochSecond(timestamp).atZone(ZoneOffset.UTC).toLocalDate().toString();
    String canonical = method + "\n/\n" + query + "\ncontent-type:" + contentType + "\nhost:" + host
        + "\n\ncontent-type;host\n" + sha256(body);
    String scope = date + "/" + service + "/tc3_request";
    String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] k = hmac("HmacSHA256", ("TC3" + key).getBytes(StandardCharsets.UTF_8), date);
    k = hmac("HmacSHA256", k, service);
    k = hmac("HmacSHA256", k, "tc3_request");
    String signature = HexFormat.of().formatHex(hmac("HmacSHA256", k, toSign));
    return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String alg, byte[] key, String msg) {
    try {
      Mac mac = Mac.getInstance(alg);
      mac.init(new SecretKeySpec(key, alg));
      return mac.doFinal(msg.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
