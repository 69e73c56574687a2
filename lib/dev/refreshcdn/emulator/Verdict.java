package dev.refreshcdn.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The immutable record of one exchange, behind {@link RecordedRequest}. */
final class Verdict {
  final Instant receivedAt;
  final String api;
  final String method;
  final String action;
  final String secretId;
  final Map<String, String> params;
  final int httpStatus;
  final String code;
  final String codeDesc;
  final String message;
  final List<String> urls;
  final String taskId;
  final String fault;

  Verdict(Instant receivedAt, String api, String method, ReplyDraft a, String fault) {
    this.receivedAt = receivedAt;
    this.api = api;
    this.method = method;
    this.action = a.action;
    this.secretId = a.secretId;
    this.params = redacted(a.params);
    this.httpStatus = a.httpStatus;
    this.code = a.code;
    this.codeDesc = a.codeDesc;
    this.message = a.message;
    this.urls = List.copyOf(a.urls);
    this.taskId = a.taskId;
    this.fault = fault;
  }

  boolean accepted() {
    return fault == null && httpStatus == 200 && (code.isEmpty() || "0".equals(code));
  }

  /** Signature and session tokens are credentials in all but name; they never reach a log. */
  private static Map<String, String> redacted(Map<String, String> params) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.remove("Signature");
    copy.remove("Token");
    return Collections.unmodifiableMap(copy);
  }

  String logLine() {
    StringBuilder sb = new StringBuilder();
    sb.append(receivedAt).append(' ').append(method).append(' ').append(api).append(' ')
        .append(action.isEmpty() ? "-" : action).append(' ')
        .append(secretId.isEmpty() ? "-" : KeyPairs.mask(secretId)).append(" -> ");
    if (fault != null) {
      sb.append("fault ").append(fault);
    } else if (accepted()) {
      sb.append("OK");
    } else {
      sb.append(code.isEmpty() ? "HTTP " + httpStatus : code);
      if (!codeDesc.isEmpty()) {
        sb.append(' ').append(codeDesc);
      }
    }
    sb.append(", ").append(urls.size()).append(urls.size() == 1 ? " url" : " urls");
    if (taskId != null) {
      sb.append(", task ").append(taskId);
    }
    return sb.toString();
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", receivedAt.toString());
    m.put("api", api);
    m.put("method", method);
    m.put("action", action);
    m.put("secretId", KeyPairs.mask(secretId));
    m.put("httpStatus", httpStatus);
    m.put("accepted", accepted());
    m.put("code", code);
    m.put("codeDesc", codeDesc);
    m.put("message", message);
    m.put("urls", urls);
    m.put("taskId", taskId);
    m.put("fault", fault);
    Map<String, String> shown = new LinkedHashMap<>(params);
    shown.computeIfPresent("SecretId", (k, id) -> KeyPairs.mask(id));
    m.put("params", shown);
    return m;
  }
}
