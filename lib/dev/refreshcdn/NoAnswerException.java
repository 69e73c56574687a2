package dev.refreshcdn;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request got no usable answer: it could not connect, timed out, got an HTTP status other than 200 or
 * a body that is not the documented JSON (or larger than any documented answer). {@link #mayHaveReachedService()} says whether the failed
 * request's URLs may nevertheless have been refreshed.
 */
public final class NoAnswerException extends RefreshException {
  private final int statusCode;
  private final String bodyExcerpt;
  private final boolean mayHaveReachedService;

  NoAnswerException(String what, int statusCode, String bodyExcerpt, boolean mayHaveReachedService,
      Progress progress, Throwable cause) {
    this(what, statusCode, bodyExcerpt, mayHaveReachedService, progress, cause, "");
  }

  /** With a last sentence of advice, e.g. that the legacy API may be gone; empty for none. */
  NoAnswerException(String what, int statusCode, String bodyExcerpt, boolean mayHaveReachedService,
      Progress progress, Throwable cause, String hint) {
    super(describe(what, statusCode, bodyExcerpt, mayHaveReachedService, progress) + hint, progress, cause);
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
    this.mayHaveReachedService = mayHaveReachedService;
  }

  /**
   * A job that stopped between its phases without a verdict it could act on ({@link PurgeFirst}): {@code why} is the
   * whole message, as no request went unanswered.
   */
  static NoAnswerException between(String why, Progress progress) {
    return new NoAnswerException(why, progress);
  }

  private NoAnswerException(String why, Progress progress) {
    super(why, progress, null);
    this.statusCode = 0;
    this.bodyExcerpt = null;
    this.mayHaveReachedService = false;
  }

  private static String describe(String what, int status, String excerpt, boolean reached, Progress progress) {
    StringBuilder message = new StringBuilder(progress.requestCount == 0 ? "no usable answer to the query"
        : "no usable answer to request " + progress.requestNumber + " of " + progress.requestCount).append(": ")
        .append(what);
    if (status > 0) {
      message.append(" (HTTP ").append(status).append(')');
    }
    if (excerpt != null && !excerpt.isEmpty()) {
      message.append(", body: ").append(excerpt);
    }
    message.append(reached
        ? "; the request may have reached the service"
        : "; the request did not reach the service");
    return message.append(progress.requestCount == 0 ? "" : progress.summary()).toString();
  }

  /** The HTTP status received, empty when no HTTP answer came at all. */
  public OptionalInt statusCode() {
    return statusCode > 0 ? OptionalInt.of(statusCode) : OptionalInt.empty();
  }

  /**
   * The start of the body received, on one line, empty when none came; without a secret or signature an echo
   * of the request put there, control characters escaped. Only as much of a body is read as this needs.
   */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt).filter(s -> !s.isEmpty());
  }

  /** Whether the service may have acted on the failed request (false only when it surely did not). */
  public boolean mayHaveReachedService() {
    return mayHaveReachedService;
  }
}
