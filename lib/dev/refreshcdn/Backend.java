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
    /**
     * Whether the refusal says today's quota is spent (legacy module code 22044 for URLs or 22046 for
     * directories; API 3.0 codes ending in {@code ExceedDayLimit}): nothing more goes through until tomorrow.
     */
    final boolean dailyQuota;

    private Answer(Task task, String code, String codeDesc, String message, String requestId, boolean busy,
        boolean dailyQuota) {
      this.task = task;
      this.code = code;
      this.codeDesc = codeDesc;
      this.message = message;
      this.requestId = requestId;
      this.busy = busy;
      this.dailyQuota = dailyQuota;
    }

    /** A refusal as messages say it: {@code code 4000, codeDesc 9110, message "…"}. */
    String describe() {
      return "code " + code + (codeDesc == null || codeDesc.isEmpty() ? "" : ", codeDesc " + codeDesc)
          + ", message " + Texts.quote(message);
    }

    static Answer accepted(Task task) {
      return new Answer(task, null, null, null, null, false, false);
    }

    static Answer refused(String code, String codeDesc, String message, String requestId, boolean busy) {
      return refused(code, codeDesc, message, requestId, busy, false);
    }

    static Answer refused(String code, String codeDesc, String message, String requestId, boolean busy,
        boolean dailyQuota) {
      return new Answer(null, code, codeDesc, message, requestId, busy, dailyQuota);
    }
  }
}
