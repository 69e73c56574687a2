package dev.refreshcdn.emulator;

import java.util.Map;
import java.util.Optional;


/**
 * Authenticates an API 3.0 request signed with signature v1 (HmacSHA1 or HmacSHA256), the parameters in
 * the query (GET) or in an x-www-form-urlencoded body (POST). The string signed is the one
 * {@link SignatureV1} checks for API 2.0, with path "/": Tencent's Java SDK builds it the same way
 * ({@code Sign.makeSignPlainText}: method, endpoint, path, "?", the sorted raw name=value pairs). The
 * difference from API 2.0 is the gateway's: {@code Version} is required, errors are API 3.0 codes and the
 * timestamp window is 5 minutes. A repeated Nonce is not refused: API 3.0 documents no error for it.
 */
final class Api3SignatureV1 {
  private static final String[] REQUIRED = {"Action", "Version", "Timestamp", "Nonce", "SecretId", "Signature"};

  private final Api3AuthRules rules;
  private final Ledger ledger;

  Api3SignatureV1(Api3AuthRules rules, Ledger ledger) {
    this.rules = rules;
    this.ledger = ledger;
  }

  /**
   * @param host the Host header as sent; the signature may cover it with or without its port
   * @return the account, or nothing with the refusal written into {@code a}
   */
  Optional<Tenant> authenticate(ReplyDraft a, String method, String host, Map<String, String> params) {
    for (String name : REQUIRED) {
      String value = params.get(name);
      if (value == null || value.isEmpty()) {
        return refuse(a, "MissingParameter", "The request is missing a required parameter `" + name + "`.");
      }
    }
    String version = params.get("Version");
    if (!Api3.VERSION.equals(version)) {
      return refuse(a, "NoSuchVersion", "The requested version `" + version + "` of service `cdn` does not exist.");
    }
    for (String name : new String[] {"Timestamp", "Nonce"}) {
      if (!params.get(name).matches("[0-9]{1,18}")) {
        return refuse(a, "InvalidParameter", "The value type of parameter `" + name + "` is not valid.");
      }
    }
    Optional<Tenant> account = rules.account(params.get("SecretId"));
    if (account.isEmpty()) {
      return refuse(a, "AuthFailure.SecretIdNotFound", Api3AuthRules.SECRET_ID_NOT_FOUND);
    }
    Optional<String> expired = rules.expired(Long.parseLong(params.get("Timestamp")), ledger.now().getEpochSecond());
    if (expired.isPresent()) {
      return refuse(a, "AuthFailure.SignatureExpire", expired.get());
    }
    String algorithm = SignatureV1.algorithm(params.get("SignatureMethod"));
    for (String candidate : Api3AuthRules.hostCandidates(host == null ? "" : host.trim())) {
      String expected = SignatureV1.sign(SignatureV1.sourceString(method, candidate, "/", params),
          account.get().secretKey(), algorithm);
      if (SignatureV1.matches(expected, params.get("Signature"))) {
        return account;
      }
    }
    return refuse(a, "AuthFailure.SignatureFailure", Api3AuthRules.SIGNATURE_FAILURE);
  }

  private static Optional<Tenant> refuse(ReplyDraft a, String code, String message) {
    Api3.error(a, code, message);
    return Optional.empty();
  }
}
