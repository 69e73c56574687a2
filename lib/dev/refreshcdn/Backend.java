package dev.refreshcdn;

import java.util.List;

/** One API generation: how a request for some URLs is signed and encoded, and how its answer reads. */
interface Backend {
  /** Signs and encodes one request carrying {@code urls}; a fresh timestamp and nonce for every attempt. */
  EncodedRequest encode(List<String> urls, long timestamp, int nonce);

  /** The task an answer reports, or the refusal it states; a body that is not the documented JSON fails. */
  Answer read(String body, List<String> urls) throws Transport.Failure;

  /** What an answer said: a task, or a refusal with the service's own code. */
  final class Answer {
    final Task task;
    final String code;
    final String codeDesc;
    final String message;
    final String requestId;
    /** Whether the refusal means "busy, try later" rather than "no". */
    final boolean busy;

    private Answer(Task task, String code, String codeDesc, String message, String requestId, boolean busy) {
      this.task = task;
      this.code = code;
      this.codeDesc = codeDesc;
      this.message = message;
      this.requestId = requestId;
      this.busy = busy;
    }

    static Answer accepted(Task task) {
      return new Answer(task, null, null, null, null, false);
    }

    static Answer refused(String code, String codeDesc, String message, String requestId, boolean busy) {
      return new Answer(null, code, codeDesc, message, requestId, busy);
    }
  }
}
