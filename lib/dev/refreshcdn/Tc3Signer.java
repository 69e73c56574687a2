package dev.refreshcdn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256, the API 3.0 signature: a canonical request over the exact body bytes and the exact
 * {@code Content-Type} sent, {@code content-type;host} signed, a credential scope of the UTC date,
 * the service and {@code tc3_request}, and a key derived from the SecretKey through that scope.
 */
final class Tc3Signer {
  static final String ALGORITHM = "TC3-HMAC-SHA256";
  static final String SIGNED_HEADERS = "content-type;host";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Credentials credentials;
  private final String service;

  Tc3Signer(Credentials credentials, String service) {
    this.credentials = credentials;
    this.service = service;
  }

  /** The canonical request for a POST to {@code /} with no query string. */
  static String canonicalRequest(String contentType, String host, byte[] body, int length) {
    return "POST\n/\n\n" + "content-type:" + contentType + "\nhost:" + host + "\n\n" + SIGNED_HEADERS + "\n"
        + hex(sha256(body, length));
  }

  String scope(long timestamp) {
    return DATE.format(Instant.ofEpochSecond(timestamp)) + "/" + service + "/tc3_request";
  }

  String stringToSign(String canonicalRequest, long timestamp) {
    byte[] request = canonicalRequest.getBytes(StandardCharsets.UTF_8);
    return ALGORITHM + "\n" + timestamp + "\n" + scope(timestamp) + "\n" + hex(sha256(request, request.length));
  }

  /** The lower-case hex signature of {@code stringToSign}. */
  String signature(String stringToSign, long timestamp) {
    byte[] date = hmac(("TC3" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8),
        DATE.format(Instant.ofEpochSecond(timestamp)));
    byte[] signing = hmac(hmac(date, service), "tc3_request");
    return hex(hmac(signing, stringToSign));
  }

  /** The {@code Authorization} header, with the {@code ", "} separators the gateway expects. */
  String authorization(String contentType, String host, byte[] body, int length, long timestamp) {
    String signature = signature(stringToSign(canonicalRequest(contentType, host, body, length), timestamp), timestamp);
    return ALGORITHM + " Credential=" + credentials.secretId() + "/" + scope(timestamp)
        + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature;
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot compute SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot compute HmacSHA256", e);
    }
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
