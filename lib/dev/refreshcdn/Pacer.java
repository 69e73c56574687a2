package dev.refreshcdn;

import java.time.Duration;

/**
 * Keeps request starts at least {@code 60 s / callsPerMinute} (or an action's own interval) apart across
 * every sender of a submission, retries included, so parallel requests together stay under the
 * documented call rate.
 */
final class Pacer {
  private final Settings settings;
  private final long intervalNanos;
  /** When the last granted start is due; guarded by {@code this}. */
  private long lastStart = Long.MIN_VALUE;

  Pacer(Settings settings) {
    this(settings, Duration.ofNanos(60_000_000_000L / settings.callsPerMinute));
  }

  /** Starts at least {@code interval} apart: an action's own documented rate. */
  Pacer(Settings settings, Duration interval) {
    this.settings = settings;
    this.intervalNanos = interval.toNanos();
  }

  /** Books the next start slot and waits for it; the slot is booked before waiting, so waiters queue fairly. */
  void await() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = settings.ticker.getAsLong();
      long start = lastStart == Long.MIN_VALUE ? now : Math.max(now, lastStart + intervalNanos);
      lastStart = start;
      wait = start - now;
    }
    if (wait > 0) {
      settings.sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
