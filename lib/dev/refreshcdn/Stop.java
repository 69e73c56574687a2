package dev.refreshcdn;

import dev.refreshcdn.RefreshException.JournalException;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import dev.refreshcdn.RefreshException.StoppedException;
import dev.refreshcdn.internal.Beijing;
import dev.refreshcdn.internal.Texts;
import java.io.IOException;
import java.time.Instant;

/**
 * Why a job run stopped early, typed: a {@link JournalFormat.StopReason} with exactly the one cause that reason
 * carries (none for a quota counted out locally), and the exception it becomes for the caller.
 */
final class Stop {
  final JournalFormat.StopReason reason;
  /** The service's refusal: {@code REFUSED}, or {@code QUOTA} when the service said the day's quota is spent. */
  private final Refusal refusal;
  /** {@code NO_ANSWER}. */
  private final Unanswered unanswered;
  /** {@code JOURNAL}. */
  private final IOException journal;
  /** {@code STOPPED} (the caller's listener threw) or {@code INTERNAL} (a bug). */
  private final RuntimeException thrown;

  private Stop(JournalFormat.StopReason reason, Refusal refusal, Unanswered unanswered, IOException journal,
      RuntimeException thrown) {
    this.reason = reason;
    this.refusal = refusal;
    this.unanswered = unanswered;
    this.journal = journal;
    this.thrown = thrown;
  }

  /** The daily quota is spent: counted out here ({@code refusal} null) or said by the service. */
  static Stop quota(Refusal refusal) {
    return new Stop(JournalFormat.StopReason.QUOTA, refusal, null, null, null);
  }

  static Stop refused(Refusal refusal) {
    return new Stop(JournalFormat.StopReason.REFUSED, refusal, null, null, null);
  }

  static Stop noAnswer(Unanswered unanswered) {
    return new Stop(JournalFormat.StopReason.NO_ANSWER, null, unanswered, null, null);
  }

  static Stop journal(IOException failure) {
    return new Stop(JournalFormat.StopReason.JOURNAL, null, null, failure, null);
  }

  static Stop stopped(RuntimeException thrown) {
    return new Stop(JournalFormat.StopReason.STOPPED, null, null, null, thrown);
  }

  static Stop internal(RuntimeException bug) {
    return new Stop(JournalFormat.StopReason.INTERNAL, null, null, null, bug);
  }

  /** The bug of an {@code INTERNAL} stop, rethrown as it is; null for any other. */
  RuntimeException bug() {
    return reason == JournalFormat.StopReason.INTERNAL ? thrown : null;
  }

  /** The exception the caller gets, with where the job stood. */
  RefreshException exception(RefreshException.Progress progress, CdnApi api, Settings settings, int quotaLimit,
      boolean earlierAttemptReached) {
    switch (reason) {
      case QUOTA: {
        Instant returns = Beijing.quotaReturns(settings.clock.instant());
        String what = refusal != null
            ? "the service refused request " + progress.requestNumber + " for the daily quota: " + refusal.describe()
            : "the daily quota of " + Texts.count(quotaLimit, settings.directories)
                + " is spent for today";
        return new QuotaExhaustedException(what, returns, quotaLimit, progress);
      }
      case REFUSED:
        return Failures.refused(api, refusal, earlierAttemptReached, progress);
      case NO_ANSWER:
        return Failures.noAnswer(api, unanswered, progress);
      case STOPPED:
        return new StoppedException(thrown, progress);
      case JOURNAL:
        return new JournalException("cannot write to the state directory " + settings.stateDir, journal, progress);
      default:
        throw new IllegalStateException("an internal stop has no exception of its own", thrown);
    }
  }
}
