package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.Headers;

import dev.refreshcdn.emulator.Emulator.Account;

/**
 * The API 3.0 gateway ({@code POST /}, JSON, TC3-HMAC-SHA256): checks the common headers and the signature,
 * then hands the call to {@link Api3Actions}. Answers are HTTP 200 with {@code {"Response": {...}}}.
 */
final class Api3 {
  static final String VERSION = "2018-06-06";
  static final String SERVICE = "cdn";
  /** Reference 4.7: X-TC-Timestamp must be within 5 minutes of the server's time. */
  static final long TIMESTAMP_WINDOW_SECONDS = 5 * 60;

  private final Emulator.Config config;
  private final Ledger ledger;
  private final Api3Actions actions;

  Api3(Emulator.Config config, Ledger ledger) {
    this.config = config;
    this.ledger = ledger;
    this.actions = new Api3Actions(config, ledger);
  }

  Answer handle(String method, String rawQuery, Headers headers, byte[] body) {
    Answer a = new Answer();
    a.action = orEmpty(headers.getFirst("X-TC-Action"));
    String contentType = orEmpty(headers.getFirst("Content-Type"));
    if (!"POST".equals(method) || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return error(a, "UnsupportedProtocol", "the emulator serves API 3.0 as POST with Content-Type application/json"
          + " signed with TC3-HMAC-SHA256; got " + method + " " + contentType);
    }
    Map<String, Object> json;
    try {
      json = Json.readObject(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return error(a, "InvalidParameter", "the request body is not a JSON object");
    }
    a.params = flatten(json);
    Optional<Tc3.Authorization> auth = Tc3.parse(headers.getFirst("Authorization"));
    auth.ifPresent(x -> a.secretId = x.secretId);
    for (String name : new String[] {"X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "Authorization"}) {
      if (orEmpty(headers.getFirst(name)).isEmpty()) {
        return error(a, "MissingParameter", "The request is missing a required parameter `" + name + "`.");
      }
    }
    String version = headers.getFirst("X-TC-Version");
    if (!VERSION.equals(version)) {
      return error(a, "NoSuchVersion", "The requested version `" + version + "` of service `cdn` does not exist.");
    }
    if (auth.isEmpty()) {
      return error(a, "AuthFailure.InvalidAuthorization", "Authorization is not a valid TC3-HMAC-SHA256 header.");
    }
    Optional<Account> account = account(a.secretId);
    if (account.isEmpty()) {
      return error(a, "AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");
    }
    String timestamp = headers.getFirst("X-TC-Timestamp").trim();
    if (!timestamp.matches("[0-9]{1,12}")) {
      return error(a, "InvalidParameter", "X-TC-Timestamp must be Unix seconds: " + timestamp);
    }
    long ts = Long.parseLong(timestamp);
    long now = ledger.now().getEpochSecond();
    if (Math.abs(now - ts) > TIMESTAMP_WINDOW_SECONDS) {
      return error(a, "AuthFailure.SignatureExpire", "Signature expired. Timestamp is " + ts
          + ", current server time is " + now + ", the difference must be within 300 seconds.");
    }
    if (!verify(auth.get(), account.get(), timestamp, rawQuery, headers, body)) {
      return error(a, "AuthFailure.SignatureFailure", "The provided credentials could not be validated."
          + " Please check your signature is correct.");
    }
    return actions.run(account.get(), a, json);
  }

  private boolean verify(Tc3.Authorization auth, Account account, String timestamp, String rawQuery,
      Headers headers, byte[] body) {
    String utcDate = LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(timestamp)), ZoneOffset.UTC).toString();
    List<String> signed = Arrays.asList(auth.signedHeaders.split(";"));
    String host = orEmpty(headers.getFirst("Host")).trim();
    if (!serviceAccepted(auth.service, host) || !utcDate.equals(auth.date)
        || !signed.contains("content-type") || !signed.contains("host")) {
      return false;
    }
    String payloadHash = "UNSIGNED-PAYLOAD".equals(headers.getFirst("X-TC-Content-SHA256"))
        ? Tc3.sha256Hex("UNSIGNED-PAYLOAD".getBytes(StandardCharsets.UTF_8))
        : Tc3.sha256Hex(body);
    // Tencent's official SDKs sign the host without the port, so accept both spellings.
    for (String candidate : hostCandidates(host)) {
      String canonical = Tc3.canonicalRequest("POST", "/", rawQuery == null ? "" : rawQuery,
          canonicalHeaders(signed, headers, candidate), auth.signedHeaders, payloadHash);
      String expected = Tc3.signature(account.secretKey(), auth.date, auth.service,
          Tc3.stringToSign(timestamp, auth.scope(), canonical));
      if (Tc3.matches(expected, auth.signature)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The real service wants "cdn". The official SDKs derive the service from the first label of their
   * endpoint, which is "cdn" for cdn.tencentcloudapi.com but "127" when pointed at 127.0.0.1, so that
   * label is accepted too; the signature still has to match the scope the client declared.
   */
  static boolean serviceAccepted(String service, String host) {
    String bare = hostCandidates(host).get(hostCandidates(host).size() - 1);
    int dot = bare.indexOf('.');
    return SERVICE.equals(service) || (!service.isEmpty() && service.equals(dot < 0 ? bare : bare.substring(0, dot)));
  }

  static List<String> hostCandidates(String host) {
    int colon = host.lastIndexOf(':');
    if (colon > 0 && !host.endsWith("]") && host.substring(colon + 1).matches("[0-9]+")) {
      return List.of(host, host.substring(0, colon));
    }
    return List.of(host);
  }

  private static String canonicalHeaders(List<String> signed, Headers headers, String host) {
    StringBuilder sb = new StringBuilder();
    for (String name : signed) {
      String value = "host".equals(name) ? host : orEmpty(headers.getFirst(name));
      sb.append(name).append(':').append(value.trim()).append('\n');
    }
    return sb.toString();
  }

  private Optional<Account> account(String secretId) {
    for (Account acc : config.accounts) {
      if (acc.secretId().equals(secretId)) {
        return Optional.of(acc);
      }
    }
    return Optional.empty();
  }

  /** Top-level JSON fields as strings, arrays as Name.0, Name.1, ... like the SDKs' form encoding. */
  static Map<String, String> flatten(Map<String, Object> json) {
    Map<String, String> flat = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      if (e.getValue() instanceof List) {
        List<?> list = (List<?>) e.getValue();
        for (int i = 0; i < list.size(); i++) {
          flat.put(e.getKey() + "." + i, String.valueOf(list.get(i)));
        }
      } else {
        flat.put(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    return flat;
  }

  static Answer error(Answer a, String code, String message) {
    a.code = code;
    a.message = message;
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("Code", code);
    error.put("Message", message);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("Error", error);
    response.put("RequestId", UUID.randomUUID().toString());
    return a.json(Map.of("Response", response));
  }

  static Answer success(Answer a, Map<String, Object> fields) {
    a.code = "";
    a.message = "";
    Map<String, Object> response = new LinkedHashMap<>(fields);
    response.put("RequestId", UUID.randomUUID().toString());
    return a.json(Map.of("Response", response));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
