package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/** The legacy envelope {@code {code, message, codeDesc, data}}, read leniently where the service varies; JSON helpers for both APIs. */
final class LegacyAnswer {
  /** Module codes of "today's quota is spent": URLs (22044) and directories (22046), reference 3.2. */
  static final int URL_DAY_LIMIT = 22044;
  static final int DIR_DAY_LIMIT = 22046;
  private static final JSON PARSER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

  final int code;
  final String codeDesc;
  final String message;
  final Map<String, Object> data;

  private LegacyAnswer(int code, String codeDesc, String message, Map<String, Object> data) {
    this.code = code;
    this.codeDesc = codeDesc;
    this.message = message;
    this.data = data;
  }

  /** Parses a body; a body that is not the documented JSON is a failure with no usable answer. */
  static LegacyAnswer parse(String body) throws Transport.Failure {
    Map<String, Object> root = json(body);
    if (!(root.get("code") instanceof Number)) {
      throw notDocumented("the answer has no numeric code", body, null);
    }
    Map<String, Object> data = object(root.get("data"));
    Map<String, Object> dataMap = data != null ? data : Map.of();
    return new LegacyAnswer(((Number) root.get("code")).intValue(), text(root.get("codeDesc")),
        text(root.get("message")), dataMap);
  }

  /** The {@code data.task_id} and {@code data.count} of a RefreshCdnUrl success. */
  String taskId(String body) throws Transport.Failure {
    Object taskId = data.get("task_id");
    boolean integral = taskId instanceof Integer || taskId instanceof Long || taskId instanceof java.math.BigInteger;
    if (integral || taskId instanceof String && !((String) taskId).isBlank()) {
      return taskId.toString();
    }
    throw notDocumented(taskId == null ? "the answer has no data.task_id" : "data.task_id is not a string or a whole number",
        body, null);
  }

  /**
   * {@code data.task_id} when the answer carries one, else empty: RefreshCdnDir documents no data, and a
   * task id that may or may not come back is no reason to fail an accepted request.
   */
  String taskIdOrEmpty() {
    Object taskId = data.get("task_id");
    return taskId instanceof String || taskId instanceof Number ? text(taskId).strip() : "";
  }

  /** The refusal this answer states (code not 0), with whether it may pass and whether it is the daily quota. */
  Backend.Answer refusal() {
    return Backend.Answer.refused(Integer.toString(code), codeDesc, message, null,
        RetryPolicy.busy(code, codeDesc, message), dailyQuota(codeDesc, message));
  }

  /** Whether a refusal's module code (in codeDesc, or in message's parentheses) is a daily-quota one. */
  static boolean dailyQuota(String codeDesc, String message) {
    int module = moduleCode(codeDesc, message);
    return module == URL_DAY_LIMIT || module == DIR_DAY_LIMIT;
  }

  /** {@code data.count} as the service wrote it, or the number sent when the answer leaves it out. */
  int count(int sent) {
    Object count = data.get("count");
    return count instanceof Number ? ((Number) count).intValue() : sent;
  }

  /**
   * The module code of a refusal: {@code codeDesc} when it is a number, else the number in parentheses
   * that starts {@code message} ({@code (9110)…}); some are negative ({@code -9009}, no records);
   * -1 when there is none.
   */
  static int moduleCode(String codeDesc, String message) {
    String digits = codeDesc.matches("-?\\d{1,9}") ? codeDesc
        : message.matches("(?s)\\(-?\\d{1,9}\\).*") ? message.substring(1, message.indexOf(')')) : null;
    return digits == null ? -1 : Integer.parseInt(digits);
  }

  /** Any JSON scalar as text, digit for digit: {@code 1480069888795584532} stays exact. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  /** A JSON object, numbers kept exact; anything else is a failure with no usable answer. */
  static Map<String, Object> json(String body) throws Transport.Failure {
    try {
      Map<String, Object> root = PARSER.mapFrom(body);
      if (root == null) {
        throw notDocumented("the answer is not a JSON object", body, null);
      }
      return root;
    } catch (IOException | RuntimeException e) {
      throw notDocumented("the answer is not JSON", body, e);
    }
  }

  /** {@code value} as a JSON object, or null when it is not one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  static Transport.Failure notDocumented(String what, String body, Throwable cause) {
    return new Transport.Failure(what, 200, Texts.excerpt(body, Transport.EXCERPT_LENGTH), true, cause);
  }
}
