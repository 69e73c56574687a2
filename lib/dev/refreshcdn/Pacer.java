package dev.refreshcdn;

import java.time.Duration;

/**
 * Keeps request starts, across every sender of a submission and retries included, within the documented
 * call rate, read as "at most N calls in any window of a second" (API 3.0: 20 a second; RefreshCdnUrl: 1,200 a
 * minute, the same 20 a second): a token bucket holding a second's calls, each token returning one window after
 * it was taken. A small job's ten requests go at once; a large one settles at the rate; no window of the API's
 * own length ever holds more than its calls. Rates under one a second get one call per interval.
 */
final class Pacer {
  private static final long SECOND = 1_000_000_000L;

  private final Settings settings;
  /** The window no more than {@code burst} starts may fall in: {@code burst} intervals. */
  private final long windowNanos;
  /**
   * The starts granted last, oldest at {@link #next}; a slot never used holds {@link Long#MIN_VALUE}. Guarded by
   * {@code this}.
   */
  private final long[] starts;
  private int next;

  Pacer(Settings settings) {
    this(settings, Duration.ofNanos(60 * SECOND / settings.callsPerMinute));
  }

  /** Starts {@code interval} apart on average: an action's own documented rate. */
  Pacer(Settings settings, Duration interval) {
    this.settings = settings;
    long intervalNanos = Math.max(1, interval.toNanos());
    int burst = (int) Math.max(1, Math.min(SECOND / intervalNanos, 1000));
    this.windowNanos = intervalNanos * burst;
    this.starts = new long[burst];
    java.util.Arrays.fill(starts, Long.MIN_VALUE);
  }

  /**
   * Books the next start and waits for it: now, or when the start {@code burst} back leaves the window. The start
   * is booked before waiting, so waiters queue fairly.
   */
  void await() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = settings.ticker.getAsLong();
      long oldest = starts[next];
      long start = oldest == Long.MIN_VALUE ? now : Math.max(now, oldest + windowNanos);
      starts[next] = start;
      next = (next + 1) % starts.length;
      wait = start - now;
    }
    if (wait > 0) {
      settings.sleeper.sleep(Duration.ofNanos(wait));
    }
  }
}
