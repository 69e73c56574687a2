package dev.refreshcdn;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API 2.0 signature as Tencent's official SDKs compute it (qcloudapi-sdk's generateQueryString and
 * sign: keys sorted, {@code _} read as {@code .}, raw values joined by {@code &}, HMAC, Base64), written
 * independently of the library so the tests check the library against it, not against itself.
 */
final class OfficialV2Signer {
  private OfficialV2Signer() {}

  /** Decodes a form body or query string; a name sent twice fails the test. */
  static Map<String, String> decode(String encoded) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    for (String pair : encoded.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (parameters.put(name, value) != null) {
        throw new AssertionError("parameter sent twice: " + name);
      }
    }
    return parameters;
  }

  static String stringToSign(String method, String host, String path, Map<String, String> parameters) {
    TreeMap<String, String> sorted = new TreeMap<>();
    parameters.forEach((name, value) -> {
      if (!name.equals("Signature")) {
        sorted.put(name.replace('_', '.'), value);
      }
    });
    List<String> pairs = new ArrayList<>();
    sorted.forEach((name, value) -> pairs.add(name + "=" + value));
    return method + host + path + "?" + String.join("&", pairs);
  }

  static String sign(String stringToSign, String secretKey, String signatureMethod) {
    String algorithm = "HmacSHA256".equals(signatureMethod) ? "HmacSHA256" : "HmacSHA1";
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The signature the request should carry, given its method, Host header, path and parameters. */
  static String expected(String method, String host, String path, Map<String, String> parameters, String secretKey) {
    return sign(stringToSign(method, host, path, parameters), secretKey, parameters.get("SignatureMethod"));
  }
}
