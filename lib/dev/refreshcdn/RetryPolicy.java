package dev.refreshcdn;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again: exponential backoff with full jitter (a random wait between zero and
 * {@code base · 2^n}, capped), at least what a {@code Retry-After} asked for, a bounded number of
 * retries and a bounded total time. What may be retried at all (network trouble, HTTP 5xx and 429, the
 * service's "busy" codes of {@link ServiceCodes}) {@link Transport} decides; this is timing only.
 */
final class RetryPolicy {
  /** The first backoff step; the n-th retry waits up to {@code BASE · 2^(n-1)}. */
  static final Duration BASE = Duration.ofSeconds(1);
  /** No single wait is longer, unless the service asked for more with {@code Retry-After}. */
  static final Duration CAP = Duration.ofSeconds(20);

  private final int retries;
  private final Duration within;
  private final DoubleSupplier jitter;

  RetryPolicy(int retries, Duration within, DoubleSupplier jitter) {
    this.retries = retries;
    this.within = within;
    this.jitter = jitter;
  }

  /**
   * How long to wait before retry number {@code retry} (1-based), or null to give up: the retries are
   * spent, or the wait would end after {@code within} of trying.
   */
  Duration delay(int retry, Duration retryAfter, Duration elapsed) {
    if (retry > retries) {
      return null;
    }
    long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(retry - 1, 20));
    Duration wait = Duration.ofMillis((long) (jitter.getAsDouble() * ceiling));
    if (retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    return elapsed.plus(wait).compareTo(within) > 0 ? null : wait;
  }
}
