package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TC3-HMAC-SHA256 as documented in reference section 4.7, written independently of the client library. */
final class Tc3 {
  static final String ALGORITHM = "TC3-HMAC-SHA256";

  private static final Pattern AUTHORIZATION = Pattern.compile(
      "TC3-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{4}-\\d{2}-\\d{2})/([^/,\\s]+)/tc3_request\\s*,\\s*"
          + "SignedHeaders=([a-z0-9\\-;]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");

  private Tc3() {
  }

  /** The parts of an Authorization header. */
  static final class Authorization {
    final String secretId;
    final String date;
    final String service;
    final String signedHeaders;
    final String signature;

    private Authorization(Matcher m) {
      this.secretId = m.group(1);
      this.date = m.group(2);
      this.service = m.group(3);
      this.signedHeaders = m.group(4);
      this.signature = m.group(5);
    }

    String scope() {
      return date + "/" + service + "/tc3_request";
    }
  }

  static Optional<Authorization> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = AUTHORIZATION.matcher(header.trim());
    return m.matches() ? Optional.of(new Authorization(m)) : Optional.empty();
  }

  /**
   * The six parts joined with '\n'; {@code canonicalHeaders} already holds "name:value\n" lines, so the
   * result has an empty line before the signed-header list, as the service expects.
   */
  static String canonicalRequest(String method, String uri, String query, String canonicalHeaders,
      String signedHeaders, String payloadHash) {
    return method + "\n" + uri + "\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
  }

  static String stringToSign(String timestamp, String scope, String canonicalRequest) {
    return ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  static String signature(String secretKey, String date, String service, String stringToSign) {
    byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] secretService = hmac(secretDate, service);
    byte[] secretSigning = hmac(secretService, "tc3_request");
    return hex(hmac(secretSigning, stringToSign));
  }

  static String sha256Hex(byte[] data) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
