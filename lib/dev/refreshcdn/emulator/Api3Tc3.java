package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.Headers;


/**
 * Authenticates an API 3.0 request signed with TC3-HMAC-SHA256, by POST (JSON body) or GET (parameters in
 * the query). The canonical request is the one Tencent's Java SDK builds ({@code AbstractClient
 * .doRequestWithTC3}): the method as sent, "/", for GET the query string exactly as sent (the SDK signs
 * the string it puts on the wire, in no particular order) and for POST an empty one, the signed headers,
 * and the SHA-256 of the body (of nothing for GET).
 */
final class Api3Tc3 {
  private static final String[] REQUIRED = {"X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "Authorization"};

  private final Api3AuthRules rules;
  private final Ledger ledger;

  Api3Tc3(Api3AuthRules rules, Ledger ledger) {
    this.rules = rules;
    this.ledger = ledger;
  }

  /** Returns the account, or nothing with the refusal written into {@code a}. */
  Optional<Tenant> authenticate(ReplyDraft a, String method, String rawQuery, Headers headers, byte[] body) {
    Optional<Tc3.Authorization> auth = Tc3.parse(headers.getFirst("Authorization"));
    auth.ifPresent(x -> a.secretId = x.secretId);
    for (String name : REQUIRED) {
      if (orEmpty(headers.getFirst(name)).isEmpty()) {
        return refuse(a, "MissingParameter", "The request is missing a required parameter `" + name + "`.");
      }
    }
    String version = headers.getFirst("X-TC-Version");
    if (!Api3.VERSION.equals(version)) {
      return refuse(a, "NoSuchVersion", "The requested version `" + version + "` of service `cdn` does not exist.");
    }
    if (auth.isEmpty()) {
      return refuse(a, "AuthFailure.InvalidAuthorization", "Authorization is not a valid TC3-HMAC-SHA256 header.");
    }
    Optional<Tenant> account = rules.account(a.secretId);
    if (account.isEmpty()) {
      return refuse(a, "AuthFailure.SecretIdNotFound", Api3AuthRules.SECRET_ID_NOT_FOUND);
    }
    String timestamp = headers.getFirst("X-TC-Timestamp").trim();
    if (!timestamp.matches("[0-9]{1,12}")) {
      return refuse(a, "InvalidParameter", "X-TC-Timestamp must be Unix seconds: " + timestamp);
    }
    Optional<String> expired = rules.expired(Long.parseLong(timestamp), ledger.now().getEpochSecond());
    if (expired.isPresent()) {
      return refuse(a, "AuthFailure.SignatureExpire", expired.get());
    }
    if (!verify(auth.get(), account.get(), timestamp, method, rawQuery, headers, body)) {
      return refuse(a, "AuthFailure.SignatureFailure", Api3AuthRules.SIGNATURE_FAILURE);
    }
    return account;
  }

  private static boolean verify(Tc3.Authorization auth, Tenant account, String timestamp, String method,
      String rawQuery, Headers headers, byte[] body) {
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
    String query = "POST".equals(method) || rawQuery == null ? "" : rawQuery;
    // Tencent's official SDKs sign the host without the port, so accept both spellings.
    for (String candidate : Api3AuthRules.hostCandidates(host)) {
      String canonical = Tc3.canonicalRequest(method, "/", query,
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
    List<String> candidates = Api3AuthRules.hostCandidates(host);
    String bare = candidates.get(candidates.size() - 1);
    int dot = bare.indexOf('.');
    return Api3.SERVICE.equals(service) || (!service.isEmpty() && service.equals(dot < 0 ? bare : bare.substring(0, dot)));
  }

  private static String canonicalHeaders(List<String> signed, Headers headers, String host) {
    StringBuilder sb = new StringBuilder();
    for (String name : signed) {
      String value = "host".equals(name) ? host : orEmpty(headers.getFirst(name));
      sb.append(name).append(':').append(value.trim()).append('\n');
    }
    return sb.toString();
  }

  private static Optional<Tenant> refuse(ReplyDraft a, String code, String message) {
    Api3.error(a, code, message);
    return Optional.empty();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
