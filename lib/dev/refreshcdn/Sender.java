package dev.refreshcdn;

import dev.refreshcdn.Submission.Retry;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Sends the requests of one submission, and the questions of task status and quota: signs each attempt
 * afresh (a resent request with the same Nonce and Timestamp would be refused as a replay), paces the
 * attempts to the documented call rate, and retries what may succeed later.
 */
final class Sender {
  private final Settings settings;
  private final IntSupplier nonces;
  private final Transport transport;
  private final RetryPolicy retries;
  private final Pacer pacer;

  /**
   * One kind of request: how an attempt is signed, and what its answer says. {@link #read} throws a
   * {@link Refusal} when the service said no; a busy refusal is retried, any other ends the request.
   */
  interface Question<T> {
    EncodedRequest encode(long timestamp, int nonce);

    T read(String body) throws Unanswered, Refusal;
  }

  /** A sender for one thread; senders of one submission share its {@code pacer} and {@code nonces}. */
  Sender(Settings settings, java.net.http.HttpClient client, Pacer pacer, IntSupplier nonces) {
    this.settings = settings;
    this.nonces = nonces;
    this.transport = new Transport(client, settings.timeout, settings.resolveCredentials());
    this.retries = settings.retryPolicy();
    this.pacer = pacer;
  }

  /** A sender of its own pacing ({@code interval} apart) and nonces, for questions outside any submission. */
  static Sender forQuestions(Settings settings, java.net.http.HttpClient client, Duration interval) {
    return new Sender(settings, client, new Pacer(settings, interval), settings.nonceSource());
  }

  /**
   * Asks until answered, refused for good, or the retries are spent, telling {@code onRetry} before each
   * retry of request number {@code number}. A refusal or a failure says whether any attempt may have
   * reached the service.
   */
  <T> T ask(Question<T> question, int number, java.util.function.Consumer<Retry> onRetry)
      throws Unanswered, Refusal {
    long start = settings.ticker.getAsLong();
    boolean reached = false; // whether any attempt so far may have reached the service
    for (int attempt = 1; ; attempt++) {
      pace(reached);
      EncodedRequest request = question.encode(settings.clock.instant().getEpochSecond(), nonces.getAsInt());
      Duration wait;
      String reason;
      try {
        return question.read(transport.send(request));
      } catch (Refusal refusal) {
        wait = refusal.busy ? retries.delay(attempt, Duration.ZERO, since(start)) : null;
        if (wait == null) {
          throw refusal.afterAttempts(reached);
        }
        reached = true;
        reason = refusal.describe();
      } catch (Unanswered failure) {
        reached |= failure.mayHaveReachedService;
        wait = failure.worthRetrying ? retries.delay(attempt, failure.retryAfter, since(start)) : null;
        if (wait == null) {
          throw attempt == 1 ? failure : afterAttempts(failure, attempt, reached);
        }
        reason = failure.getMessage() + (failure.status > 0 ? " (HTTP " + failure.status + ")" : "");
      }
      onRetry.accept(new Retry(number, attempt + 1, wait, reason));
      sleep(wait, "interrupted while waiting to retry", reached);
    }
  }

  /** Waits until a request may start without going over the call rate. */
  private void pace(boolean reached) throws Unanswered {
    try {
      pacer.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered("interrupted while waiting to send", 0, null, reached, e);
    }
  }

  private Duration since(long startNanos) {
    return Duration.ofNanos(settings.ticker.getAsLong() - startNanos);
  }

  /** The last failure, said to come after several attempts, any of which may have reached the service. */
  private static Unanswered afterAttempts(Unanswered failure, int attempts, boolean reached) {
    return new Unanswered(failure.getMessage() + " (after " + attempts + " attempts)", failure.status,
        failure.excerpt, reached, failure.getCause());
  }

  private void sleep(Duration wait, String interrupted, boolean reached) throws Unanswered {
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered(interrupted, 0, null, reached, e);
    }
  }
}
