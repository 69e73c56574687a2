package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.Headers;


/**
 * The API 3.0 gateway ({@code /}), in every form Tencent's official SDKs send: TC3-HMAC-SHA256 by POST
 * with a JSON body or by GET with the parameters in the query ({@link Api3Tc3}), and signature v1
 * (HmacSHA1/HmacSHA256) by GET or by POST with an x-www-form-urlencoded body ({@link Api3SignatureV1}).
 * After authentication, {@link Api3Params} refuses parameters the action does not define and
 * {@link Api3Actions} runs the action. Answers are HTTP 200 with {@code {"Response": {...}}}.
 */
final class Api3 {
  static final String VERSION = "2018-06-06";
  static final String SERVICE = "cdn";
  /** Reference 4.1: GET at most 32 KB; POST with signature v1 at most 1 MB (TC3: 10 MB, checked on reading). */
  static final int GET_LIMIT = 32 * 1024;
  static final int V1_POST_LIMIT = 1024 * 1024;

  private final Api3Tc3 tc3;
  private final Api3SignatureV1 v1;
  private final Api3Actions actions;

  Api3(EmulatorConfig config, Ledger ledger) {
    Api3AuthRules rules = new Api3AuthRules(config.accounts);
    this.tc3 = new Api3Tc3(rules, ledger);
    this.v1 = new Api3SignatureV1(rules, ledger);
    this.actions = new Api3Actions(config, ledger);
  }

  ReplyDraft handle(String method, String rawQuery, Headers headers, byte[] body) {
    ReplyDraft a = new ReplyDraft();
    boolean post = "POST".equals(method);
    if (!post && !"GET".equals(method)) {
      return error(a, "UnsupportedProtocol", "The API 3.0 endpoint takes GET and POST; got " + method + ".");
    }
    if (!post && rawQuery != null && rawQuery.length() > GET_LIMIT) {
      return error(a, "RequestSizeLimitExceeded", "A GET request is limited to 32 KB.");
    }
    String contentType = orEmpty(headers.getFirst("Content-Type")).toLowerCase(Locale.ROOT);
    boolean json = post && contentType.startsWith("application/json");
    if (json || (!post && (headers.containsKey("Authorization") || headers.containsKey("X-TC-Action")))) {
      return viaTc3(a, method, rawQuery, headers, body, json);
    }
    if (post && !contentType.startsWith("application/x-www-form-urlencoded")) {
      return error(a, "UnsupportedProtocol", "POST takes application/json (TC3-HMAC-SHA256) or"
          + " application/x-www-form-urlencoded (HmacSHA1, HmacSHA256); got " + contentType + ".");
    }
    if (post && body.length > V1_POST_LIMIT) {
      return error(a, "RequestSizeLimitExceeded", "A POST signed with HmacSHA1 or HmacSHA256 is limited to 1 MB.");
    }
    Map<String, String> params;
    try {
      params = Forms.urlencoded(post ? new String(body, StandardCharsets.UTF_8) : rawQuery);
    } catch (IllegalArgumentException e) {
      return error(a, "InvalidParameter", "The request cannot be decoded: " + e.getMessage());
    }
    a.action = params.getOrDefault("Action", "");
    a.secretId = params.getOrDefault("SecretId", "");
    Map<String, String> own = Api3Params.withoutCommon(params);
    a.params = own;
    Optional<Tenant> account = v1.authenticate(a, method, headers.getFirst("Host"), params);
    return account.isEmpty() ? a : run(account.get(), a, Api3Params.form(a.action, own));
  }

  private ReplyDraft viaTc3(ReplyDraft a, String method, String rawQuery, Headers headers, byte[] body, boolean json) {
    a.action = orEmpty(headers.getFirst("X-TC-Action"));
    Api3Params.Checked checked;
    try {
      if (json) {
        Map<String, Object> fields = Json.readObject(new String(body, StandardCharsets.UTF_8));
        a.params = flatten(fields);
        checked = Api3Params.json(a.action, fields);
      } else {
        Map<String, String> form = Forms.urlencoded(rawQuery);
        a.params = form;
        checked = Api3Params.form(a.action, form);
      }
    } catch (IllegalArgumentException e) {
      return error(a, "InvalidParameter", json ? "the request body is not a JSON object"
          : "The request cannot be decoded: " + e.getMessage());
    }
    Optional<Tenant> account = tc3.authenticate(a, method, rawQuery, headers, body);
    return account.isEmpty() ? a : run(account.get(), a, checked);
  }

  private ReplyDraft run(Tenant account, ReplyDraft a, Api3Params.Checked checked) {
    if (!checked.ok()) {
      return error(a, checked.code, checked.message);
    }
    return actions.run(account, a, checked.values);
  }

  /** JSON fields as strings, arrays as Name.0, Name.1, objects as Name.Field, ... like the SDKs' form encoding. */
  static Map<String, String> flatten(Map<String, Object> json) {
    Map<String, String> flat = new LinkedHashMap<>();
    json.forEach((name, value) -> flatten(name, value, flat));
    return flat;
  }

  private static void flatten(String name, Object value, Map<String, String> flat) {
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        flatten(name + "." + i, list.get(i), flat);
      }
    } else if (value instanceof Map) {
      ((Map<?, ?>) value).forEach((k, v) -> flatten(name + "." + k, v, flat));
    } else {
      flat.put(name, String.valueOf(value));
    }
  }

  static ReplyDraft error(ReplyDraft a, String code, String message) {
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

  static ReplyDraft success(ReplyDraft a, Map<String, Object> fields) {
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
