package dev.refreshcdn;

import java.time.Duration;

/**
 * Why a request got no usable answer (network trouble, an HTTP error, a body that is not the documented
 * JSON); turned into a {@link NoAnswerException} by {@link Failures}.
 */
final class Unanswered extends Exception {
  private static final long serialVersionUID = 1L;

  final int status;
  final String excerpt;
  final boolean mayHaveReachedService;
  /** Whether trying again may succeed: network trouble, HTTP 5xx and 429; not a bad body or an interrupt. */
  final boolean worthRetrying;
  /** What a {@code Retry-After} header asked for; zero when there was none. */
  final Duration retryAfter;

  Unanswered(String what, int status, String excerpt, boolean mayHaveReachedService, Throwable cause) {
    this(what, status, excerpt, mayHaveReachedService, false, Duration.ZERO, cause);
  }

  Unanswered(String what, int status, String excerpt, boolean mayHaveReachedService, boolean worthRetrying,
      Duration retryAfter, Throwable cause) {
    super(what, cause);
    this.status = status;
    this.excerpt = excerpt;
    this.mayHaveReachedService = mayHaveReachedService;
    this.worthRetrying = worthRetrying;
    this.retryAfter = retryAfter;
  }
}
