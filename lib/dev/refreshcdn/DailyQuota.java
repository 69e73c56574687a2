package dev.refreshcdn;

import dev.refreshcdn.internal.Beijing;
import java.io.IOException;
import java.time.LocalDate;

/**
 * The daily quota as one submission sees it. With a ledger (a state directory) the quota is shared with
 * every other job of the account; without one, only this submission's own requests are counted. When
 * API 3.0's {@code DescribePurgeQuota} answered, its {@code Available} is the limit and the service's own
 * count already includes other jobs, so only this submission's requests are counted against it.
 */
final class DailyQuota {
  /** How many URLs were taken for a request, and on which quota day, to give back the right day's. */
  static final class Grant {
    final LocalDate day;
    final int count;
    /** Whether the ledger recorded the grant, so only what it holds is given back. */
    final boolean inLedger;

    Grant(LocalDate day, int count, boolean inLedger) {
      this.day = day;
      this.count = count;
      this.inLedger = inLedger;
    }
  }

  private final Settings settings;
  private final QuotaLedger ledger;
  private final String jobId;
  /** The limit a day: the daily quota, or the service's {@code Total}. */
  private final int limit;
  /** What the service said was available on the day of the submission; -1 when it was not asked. */
  private final int availableOnFirstDay;
  private final LocalDate firstDay;
  // guarded by this
  private LocalDate day;
  private long usedToday;

  /**
   * @param limit the daily quota, or the service's {@code Total}
   * @param available what the service said is left today, or -1 when the ledger (or nothing) counts
   */
  DailyQuota(Settings settings, QuotaLedger ledger, String jobId, int limit, int available) {
    this.settings = settings;
    this.ledger = ledger;
    this.jobId = jobId == null ? "-" : jobId;
    this.limit = limit;
    this.availableOnFirstDay = available;
    this.firstDay = Beijing.day(settings.clock.instant());
  }

  int limit() {
    return limit;
  }

  private boolean fromService() {
    return availableOnFirstDay >= 0;
  }

  /** Takes up to {@code want} of what is left today; a grant of 0 means the quota is spent. */
  synchronized Grant take(int want) throws IOException {
    LocalDate today = Beijing.day(settings.clock.instant());
    if (!today.equals(day)) {
      day = today;
      usedToday = 0;
    }
    int taken;
    boolean inLedger;
    if (ledger != null && !fromService()) {
      taken = ledger.take(today, want, limit, jobId);
      inLedger = taken > 0;
    } else {
      int left = fromService() && today.equals(firstDay) ? availableOnFirstDay : limit;
      taken = (int) Math.max(0, Math.min(want, left - usedToday));
      // Recorded, not limited: the service counts. A day the ledger saw refused records nothing more.
      inLedger = ledger != null && taken > 0 && ledger.take(today, taken, Integer.MAX_VALUE, jobId) == taken;
    }
    usedToday += taken;
    return new Grant(today, taken, inLedger);
  }

  /** Gives back a grant the service surely did not act on. */
  synchronized void giveBack(Grant grant) throws IOException {
    if (grant.day.equals(day)) {
      usedToday -= grant.count;
    }
    if (grant.inLedger) {
      ledger.giveBack(grant.day, grant.count, jobId);
    }
  }

  /** The service refused with its daily-quota code: nothing more today, for this job and (with a ledger) the account. */
  synchronized void exhaust(Grant grant) throws IOException {
    if (grant.day.equals(day)) {
      usedToday = Long.MAX_VALUE / 2;
    }
    if (ledger != null) {
      if (grant.inLedger) {
        ledger.giveBack(grant.day, grant.count, jobId);
      }
      ledger.exhaust(grant.day, jobId);
    }
  }
}
