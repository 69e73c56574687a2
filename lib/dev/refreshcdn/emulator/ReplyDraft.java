package dev.refreshcdn.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a handler decided for one exchange: the HTTP answer plus the facts worth recording. Filled in by a
 * single thread while one exchange is handled, then copied into an immutable {@link Verdict}.
 */
final class ReplyDraft {
  int httpStatus = 200;
  String contentType = "application/json; charset=utf-8";
  byte[] body = new byte[0];
  final Map<String, String> headers = new LinkedHashMap<>();
  String action = "";
  String secretId = "";
  Map<String, String> params = Map.of();
  String code = "";
  String codeDesc = "";
  String message = "";
  List<String> urls = List.of();
  String taskId;

  ReplyDraft json(Object value) {
    this.contentType = "application/json; charset=utf-8";
    this.body = Json.writeWithNulls(value).getBytes(StandardCharsets.UTF_8);
    return this;
  }

  ReplyDraft text(int status, String text) {
    this.httpStatus = status;
    this.contentType = "text/plain; charset=utf-8";
    this.body = text.getBytes(StandardCharsets.UTF_8);
    this.code = "HTTP " + status;
    this.message = text;
    return this;
  }

  boolean accepted() {
    return httpStatus == 200 && (code.isEmpty() || "0".equals(code));
  }
}
