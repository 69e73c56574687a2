package dev.refreshcdn;

import java.time.Duration;

/**
 * A request about to be sent again after a failure that may pass (a network error, a timeout, HTTP 5xx or
 * 429, a busy service), as told to the retry listener of {@link Plan#submit(java.util.function.Consumer,
 * java.util.function.Consumer)}.
 */
public final class Retry {
  private final int request;
  private final int attempt;
  private final Duration delay;
  private final String reason;

  Retry(int request, int attempt, Duration delay, String reason) {
    this.request = request;
    this.attempt = attempt;
    this.delay = delay;
    this.reason = reason;
  }

  /** The 1-based number of the request in this submission. */
  public int request() {
    return request;
  }

  /** The attempt about to be made: 2 for the first retry. */
  public int attempt() {
    return attempt;
  }

  /** How long the sender waits before it: backoff with jitter, at least what a {@code Retry-After} asked. */
  public Duration delay() {
    return delay;
  }

  /** What failed, e.g. {@code HTTP 503} or {@code code 6000, message "…"}; never a secret. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "Retry of request " + request + " (attempt " + attempt + ") in " + delay.toMillis() + " ms after " + reason;
  }
}
