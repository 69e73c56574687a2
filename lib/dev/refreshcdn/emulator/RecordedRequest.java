package dev.refreshcdn.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request the emulator received and what it answered; immutable. */
public final class RecordedRequest {
  private final Verdict v;

  RecordedRequest(Verdict verdict) {
    this.v = verdict;
  }

  /** Returns when the request arrived, on the emulator's clock. */
  public Instant receivedAt() {
    return v.receivedAt;
  }

  /** Returns {@code "v2"} (legacy), {@code "v3"} (API 3.0) or {@code "other"} (an unknown path). */
  public String api() {
    return v.api;
  }

  /** Returns the HTTP method. */
  public String method() {
    return v.method;
  }

  /** Returns the action, or an empty string if none was sent. */
  public String action() {
    return v.action;
  }

  /** Returns the SecretId sent, or an empty string. */
  public String secretId() {
    return v.secretId;
  }

  /** Returns the decoded parameters (API 3.0: the action's own, arrays as {@code Name.0}, however sent); never {@code Signature}. */
  public Map<String, String> params() {
    return v.params;
  }

  /** Returns the HTTP status answered (0 when the connection was dropped). */
  public int httpStatus() {
    return v.httpStatus;
  }

  /** Returns the legacy {@code code} ("0" on success) or the API 3.0 {@code Error.Code} (empty on success). */
  public String code() {
    return v.code;
  }

  /** Returns the legacy {@code codeDesc}, or an empty string for API 3.0. */
  public String codeDesc() {
    return v.codeDesc;
  }

  /** Returns the answer's message (legacy {@code message}, API 3.0 {@code Error.Message}). */
  public String message() {
    return v.message;
  }

  /** Returns whether the service accepted the request (HTTP 200 and no error code). */
  public boolean accepted() {
    return v.accepted();
  }

  /** Returns the URLs or directories accepted for purging, as recorded (query stripped where the domain filters it). */
  public List<String> urls() {
    return v.urls;
  }

  /** Returns the task id answered, if a task was created. */
  public Optional<String> taskId() {
    return Optional.ofNullable(v.taskId);
  }

  /** Returns the injected fault ({@code "HTTP 503"}, {@code "dropped"}, {@code "malformed"}), if any. */
  public Optional<String> fault() {
    return Optional.ofNullable(v.fault);
  }

  /** Returns one log line: method, API, action, masked SecretId, verdict and URL count; never a key. */
  @Override
  public String toString() {
    return v.logLine();
  }
}
