package dev.refreshcdn;

import java.util.Map;

/** The legacy API 2.0 envelope {@code {code, message, codeDesc, data}}, read leniently where the service varies. */
final class LegacyEnvelope {
  final int code;
  final String codeDesc;
  final String message;
  final Map<String, Object> data;

  private LegacyEnvelope(int code, String codeDesc, String message, Map<String, Object> data) {
    this.code = code;
    this.codeDesc = codeDesc;
    this.message = message;
    this.data = data;
  }

  /** Parses a body; a body that is not the documented JSON is a failure with no usable answer. */
  static LegacyEnvelope parse(String body) throws Unanswered {
    Map<String, Object> root = Json.parse(body);
    if (!(root.get("code") instanceof Number)) {
      throw Json.notDocumented("the answer has no numeric code", body, null);
    }
    Map<String, Object> data = Json.object(root.get("data"));
    Map<String, Object> dataMap = data != null ? data : Map.of();
    return new LegacyEnvelope(((Number) root.get("code")).intValue(), Json.text(root.get("codeDesc")),
        Json.text(root.get("message")), dataMap);
  }

  /** The {@code data.task_id} and {@code data.count} of a RefreshCdnUrl success. */
  String taskId(String body) throws Unanswered {
    Object taskId = data.get("task_id");
    boolean integral = taskId instanceof Integer || taskId instanceof Long || taskId instanceof java.math.BigInteger;
    if (integral || taskId instanceof String && !((String) taskId).isBlank()) {
      return taskId.toString();
    }
    throw Json.notDocumented(taskId == null ? "the answer has no data.task_id"
        : "data.task_id is not a string or a whole number", body, null);
  }

  /**
   * {@code data.task_id} when the answer carries one, else empty: RefreshCdnDir documents no data, and a
   * task id that may or may not come back is no reason to fail an accepted request.
   */
  String taskIdOrEmpty() {
    Object taskId = data.get("task_id");
    return taskId instanceof String || taskId instanceof Number ? Json.text(taskId).strip() : "";
  }

  /** The refusal this answer states (code not 0), with whether it may pass and whether it is the daily quota. */
  Refusal refusal() {
    return new Refusal(Integer.toString(code), codeDesc, message, null,
        ServiceCodes.legacyBusy(code, codeDesc, message), ServiceCodes.legacyDailyQuota(codeDesc, message));
  }

  /** {@code data.count} as the service wrote it, or the number sent when the answer leaves it out. */
  int count(int sent) {
    Object count = data.get("count");
    return count instanceof Number ? ((Number) count).intValue() : sent;
  }
}
