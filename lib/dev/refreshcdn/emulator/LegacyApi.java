package dev.refreshcdn.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;


/**
 * The legacy API 2.0 gateway: checks the common parameters and signature v1, then hands the call to
 * {@link LegacyActions}. Every business answer is HTTP 200 with {@code {code, message, codeDesc, data}}.
 */
final class LegacyApi {
  /** Reference 2.4: Timestamp may differ from the server's time by at most 2 hours. */
  static final long TIMESTAMP_WINDOW_SECONDS = 2 * 60 * 60;

  private static final Pattern UINT = Pattern.compile("[0-9]{1,18}");
  private static final Pattern POSITIVE = Pattern.compile("0*[1-9][0-9]{0,18}");
  private static final String[] REQUIRED = {"Action", "SecretId", "Timestamp", "Nonce", "Signature"};

  private final EmulatorConfig config;
  private final Ledger ledger;
  private final LegacyActions actions;

  LegacyApi(EmulatorConfig config, Ledger ledger) {
    this.config = config;
    this.ledger = ledger;
    this.actions = new LegacyActions(config, ledger);
  }

  /**
   * @param host the Host header exactly as sent (with its port, if any), which is what the service signs
   */
  ReplyDraft handle(String method, String host, String path, Map<String, String> params) {
    ReplyDraft a = new ReplyDraft();
    a.params = params;
    a.action = params.getOrDefault("Action", "");
    a.secretId = params.getOrDefault("SecretId", "");
    for (String name : REQUIRED) {
      String value = params.get(name);
      if (value == null || value.isEmpty()) {
        return error(a, 4000, "MissingParameter", "缺少参数错误 missing required parameter: " + name);
      }
    }
    String timestamp = params.get("Timestamp");
    if (!UINT.matcher(timestamp).matches()) {
      return error(a, 4000, "InvalidParameter", "参数错误 Timestamp must be Unix seconds: " + timestamp);
    }
    String nonce = params.get("Nonce");
    if (!POSITIVE.matcher(nonce).matches()) {
      return error(a, 4000, "InvalidParameter", "参数错误 Nonce must be a positive integer: " + nonce);
    }
    Optional<Tenant> account = account(a.secretId);
    if (account.isEmpty()) {
      return error(a, 4100, "AuthFailure", "(4104)鉴权失败 SecretId 不存在 authentication failed: unknown SecretId");
    }
    String source = SignatureV1.sourceString(method, host == null ? "" : host, path, params);
    String expected = SignatureV1.sign(source, account.get().secretKey(), SignatureV1.algorithm(params.get("SignatureMethod")));
    if (!SignatureV1.matches(expected, params.get("Signature"))) {
      return error(a, 4100, "AuthFailure", "鉴权失败 authentication failed: signature mismatch, check the key, the"
          + " method and the Host header that were signed");
    }
    long ts = Long.parseLong(timestamp);
    long now = ledger.now().getEpochSecond();
    if (Math.abs(now - ts) > TIMESTAMP_WINDOW_SECONDS) {
      return error(a, 4500, "InvalidTimestamp", "请求被视为重放攻击 Timestamp 与腾讯服务器相差不能超过 2 小时, 腾讯服务器 Timestamp = " + now);
    }
    if (!ledger.firstUse(a.secretId, ts, stripZeros(nonce), TIMESTAMP_WINDOW_SECONDS)) {
      return error(a, 4500, "ReplayAttack", "请求被视为重放攻击 replay attack: this Nonce and Timestamp were already used");
    }
    return actions.run(account.get(), a, params);
  }

  private Optional<Tenant> account(String secretId) {
    for (Tenant acc : config.accounts) {
      if (acc.secretId().equals(secretId)) {
        return Optional.of(acc);
      }
    }
    return Optional.empty();
  }

  private static String stripZeros(String nonce) {
    return nonce.replaceFirst("^0+", "");
  }

  static ReplyDraft error(ReplyDraft a, int code, String codeDesc, String message) {
    a.code = Integer.toString(code);
    a.codeDesc = codeDesc;
    a.message = message;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("codeDesc", codeDesc);
    return a.json(body);
  }

  /** A business refusal: code 4000, the module code in parentheses in message and echoed in codeDesc. */
  static ReplyDraft refuse(ReplyDraft a, int module, String message) {
    return error(a, 4000, Integer.toString(module), "(" + module + ")" + message);
  }

  static ReplyDraft success(ReplyDraft a, Map<String, Object> data) {
    a.code = "0";
    a.codeDesc = "Success";
    a.message = "";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 0);
    body.put("message", "");
    body.put("codeDesc", "Success");
    if (data != null) {
      body.put("data", data);
    }
    return a.json(body);
  }
}
