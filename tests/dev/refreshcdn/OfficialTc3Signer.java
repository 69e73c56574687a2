package dev.refreshcdn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256 as Tencent's official SDKs compute it (tencentcloud-sdk-java's AbstractClient and
 * Sign.sha256Hex/hmac256), written independently of the library for the tests to check it against.
 */
final class OfficialTc3Signer {
  private OfficialTc3Signer() {}

  static String authorization(String secretId, String secretKey, String service, String host, String contentType,
      byte[] payload, long timestamp) {
    String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(timestamp));
    String canonicalRequest = "POST\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\ncontent-type;host\n"
        + sha256Hex(payload);
    String scope = date + "/" + service + "/tc3_request";
    String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
        + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] secretSigning = hmac(hmac(secretDate, service), "tc3_request");
    String signature = HexFormat.of().formatHex(hmac(secretSigning, stringToSign));
    return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
