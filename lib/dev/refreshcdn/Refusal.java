package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;

/**
 * The service refused a request, with its own code; the caller adds where the job stood. Checked, so every
 * caller of {@link Transport#ask} decides what a refusal means for its request.
 */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

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
  /** Whether an earlier attempt of the same request may have been acted on before this refusal. */
  final boolean earlierAttemptMayHaveReached;
  /** Whether the refusal is about the request's domain ({@link ServiceCodes#aboutDomain}), not the request. */
  final boolean aboutDomain;

  Refusal(String code, String codeDesc, String message, String requestId, boolean busy, boolean dailyQuota) {
    this(code, codeDesc, message, requestId, busy, dailyQuota, false);
  }

  private Refusal(String code, String codeDesc, String message, String requestId, boolean busy, boolean dailyQuota,
      boolean earlierAttemptMayHaveReached) {
    super(message, null, false, false);
    this.code = code;
    this.codeDesc = codeDesc;
    this.message = message;
    this.requestId = requestId;
    this.busy = busy;
    this.dailyQuota = dailyQuota;
    this.earlierAttemptMayHaveReached = earlierAttemptMayHaveReached;
    this.aboutDomain = ServiceCodes.aboutDomain(String.valueOf(code), codeDesc == null ? "" : codeDesc,
        message == null ? "" : message);
  }

  /** This refusal, after attempts of which an earlier one may ({@code reached}) have been acted on. */
  Refusal afterAttempts(boolean reached) {
    return new Refusal(code, codeDesc, message, requestId, busy, dailyQuota, reached);
  }

  /** A refusal as messages say it: {@code code 4000, codeDesc 9110, message "…"}. */
  String describe() {
    return "code " + code + (codeDesc == null || codeDesc.isEmpty() ? "" : ", codeDesc " + codeDesc)
        + ", message " + Texts.quote(message);
  }
}
