package dev.refreshcdn;

import java.time.Instant;

/**
 * The daily quota is spent: what fit was submitted ({@link #tasks()}), the rest was not sent
 * ({@link #unsentUrls()}, plus {@link #failedUrls()} when the service itself refused a request with
 * {@code 22044} or {@code …ExceedDayLimit}). Nothing is lost: with a state directory the rest is recorded
 * as pending in the job's journal, for {@link Refresh#resume} once {@link #quotaReturns()} has passed.
 */
public final class QuotaExhaustedException extends RefreshException {
  private final Instant quotaReturns;
  private final int dailyQuota;

  QuotaExhaustedException(String why, Instant quotaReturns, int dailyQuota, Progress progress) {
    super(why + "; the rest is pending until the quota returns at " + quotaReturns + " (midnight, Beijing time)"
        + progress.summary(), progress, null);
    this.quotaReturns = quotaReturns;
    this.dailyQuota = dailyQuota;
  }

  /** When the daily quota returns: the next midnight in Beijing (UTC+8). */
  public Instant quotaReturns() {
    return quotaReturns;
  }

  /** The daily quota the job was held to. */
  public int dailyQuota() {
    return dailyQuota;
  }

  /**
   * How many URLs are not accepted: {@link #failedUrls()} (the request the service refused for the quota, and
   * with {@link Refresh#parallel} any request that failed beside it) and {@link #unsentUrls()}.
   */
  public int pendingUrls() {
    return failedUrls().size() + unsentUrls().size();
  }
}
