package dev.refreshcdn;

/**
 * The one place a {@link Refusal} or a {@link Unanswered} becomes the exception users catch, with where
 * the job stood and what the API generation adds to the message.
 */
final class Failures {
  /** A question to the service, which it may refuse or leave unanswered. */
  interface Call<T> {
    T run() throws Unanswered, Refusal;
  }

  private Failures() {}

  /**
   * Asks outside any submission.
   *
   * @throws RefusedException when the service refuses the question
   * @throws NoAnswerException when no usable answer comes
   */
  static <T> T call(CdnApi api, Call<T> call) {
    try {
      return call.run();
    } catch (Refusal refusal) {
      throw refused(api, refusal, false, RefreshException.Progress.NOTHING_SENT);
    } catch (Unanswered failure) {
      throw noAnswer(api, failure, RefreshException.Progress.NOTHING_SENT);
    }
  }

  static RefusedException refused(CdnApi api, Refusal refusal, boolean earlierAttemptReached,
      RefreshException.Progress progress) {
    return new RefusedException(refusal.code, refusal.codeDesc, refusal.message, refusal.requestId,
        earlierAttemptReached, progress, api.hint(refusal));
  }

  /** A refusal of the quota query a job asks before its first request, which the message names. */
  static RefusedException quotaRefused(CdnApi api, Refusal refusal, RefreshException.Progress progress) {
    return new RefusedException(refusal.code, refusal.codeDesc, refusal.message, refusal.requestId, false, progress,
        api.hint(refusal), api.quotaAction());
  }

  static NoAnswerException noAnswer(CdnApi api, Unanswered failure, RefreshException.Progress progress) {
    return new NoAnswerException(failure.getMessage(), failure.status, failure.excerpt, failure.mayHaveReachedService,
        progress, failure.getCause(), api.hint(failure));
  }
}
