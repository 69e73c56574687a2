package dev.refreshcdn;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again: exponential backoff with full jitter (a random wait between zero and
 * {@code base · 2^n}, capped), at least what a {@code Retry-After} asked for, a bounded number of
 * retries and a bounded total time. Only answers that may change are retried: network trouble, HTTP
 * 5xx and 429, and the service's "busy" codes; a refusal for bad parameters or a bad signature never is.
 */
final class RetryPolicy {
  /** The first backoff step; the n-th retry waits up to {@code BASE · 2^(n-1)}. */
  static final Duration BASE = Duration.ofSeconds(1);
  /** No single wait is longer, unless the service asked for more with {@code Retry-After}. */
  static final Duration CAP = Duration.ofSeconds(20);
  /** Legacy codes that mean "try later": internal error, temporarily unavailable. */
  private static final int[] BUSY_CODES = {6000, 6200};
  /** Module codes (the number in {@code message}'s parentheses) for system errors and too-frequent calls. */
  private static final int[] BUSY_MODULE_CODES = {9000, 9163, 22063};

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

  /** Whether a legacy refusal means "busy, try later" rather than "no". */
  static boolean busy(int code, String codeDesc, String message) {
    if (V3Backend.busy(codeDesc)) {
      return true; // codeDesc sometimes carries an API 3.0 style name, e.g. RequestLimitExceeded
    }
    for (int busy : BUSY_CODES) {
      if (code == busy) {
        return true;
      }
    }
    int module = LegacyAnswer.moduleCode(codeDesc, message);
    for (int busy : BUSY_MODULE_CODES) {
      if (module == busy) {
        return true;
      }
    }
    return false;
  }
}
