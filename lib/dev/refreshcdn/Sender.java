package dev.refreshcdn;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Sends the requests of one submission, and the questions of task status and quota: signs each attempt
 * afresh (a resent request with the same Nonce and Timestamp would be refused as a replay), paces the
 * attempts to the documented call rate, and retries what may succeed later.
 */
final class Sender {
  private final Settings settings;
  private final Backend backend;
  private final IntSupplier nonces;
  private final Transport transport;
  private final RetryPolicy retries;
  private final Pacer pacer;

  /** The service refused a request; the caller adds where the job stood. */
  static final class Refusal extends Exception {
    final Backend.Answer answer;
    /** Whether an earlier attempt of the same request may have been acted on before this refusal. */
    final boolean earlierAttemptMayHaveReached;

    Refusal(Backend.Answer answer, boolean earlierAttemptMayHaveReached) {
      super(answer.message);
      this.answer = answer;
      this.earlierAttemptMayHaveReached = earlierAttemptMayHaveReached;
    }
  }

  /**
   * One kind of request: how an attempt is signed, and what its answer says. {@link #read} throws a
   * {@link Refusal} when the service said no; a busy refusal is retried, any other ends the request.
   */
  interface Question<T> {
    EncodedRequest encode(long timestamp, int nonce);

    T read(String body) throws Transport.Failure, Refusal;
  }

  /** A sender of its own pacing and nonces: one request at a time, outside any submission. */
  Sender(Settings settings, Backend backend, java.net.http.HttpClient client) {
    this(settings, backend, client, new Pacer(settings), settings.nonceSource());
  }

  /**
   * A sender for one thread; senders of one submission share its {@code pacer} and {@code nonces}.
   * {@code backend} is null for a sender that only {@linkplain #ask asks}.
   */
  Sender(Settings settings, Backend backend, java.net.http.HttpClient client, Pacer pacer, IntSupplier nonces) {
    this.settings = settings;
    this.backend = backend;
    this.nonces = nonces;
    this.transport = new Transport(client, settings.timeout, settings.resolveCredentials());
    this.retries = settings.retryPolicy();
    this.pacer = pacer;
  }

  /** Sends one request's URLs until it is accepted, refused for good, or the retries are spent. */
  Task send(List<String> urls) throws Transport.Failure, Refusal {
    return send(urls, 1, retry -> { });
  }

  /** Like {@link #send(List)}, telling {@code onRetry} before each retry of request number {@code number}. */
  Task send(List<String> urls, int number, java.util.function.Consumer<Retry> onRetry)
      throws Transport.Failure, Refusal {
    return ask(new Question<Task>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return backend.encode(urls, timestamp, nonce);
      }

      @Override
      public Task read(String body) throws Transport.Failure, Refusal {
        Backend.Answer answer = backend.read(body, urls);
        if (answer.task == null) {
          throw new Refusal(answer, false);
        }
        return answer.task;
      }
    }, number, onRetry);
  }

  /**
   * Asks until answered, refused for good, or the retries are spent, telling {@code onRetry} before each
   * retry of request number {@code number}. A refusal or a failure says whether any attempt may have
   * reached the service.
   */
  <T> T ask(Question<T> question, int number, java.util.function.Consumer<Retry> onRetry)
      throws Transport.Failure, Refusal {
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
        Backend.Answer answer = refusal.answer;
        wait = answer.busy ? retries.delay(attempt, Duration.ZERO, since(start)) : null;
        if (wait == null) {
          throw new Refusal(answer, reached);
        }
        reached = true;
        reason = answer.describe();
      } catch (Transport.Failure failure) {
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
  private void pace(boolean reached) throws Transport.Failure {
    try {
      pacer.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Transport.Failure("interrupted while waiting to send", 0, null, reached, e);
    }
  }

  private Duration since(long startNanos) {
    return Duration.ofNanos(settings.ticker.getAsLong() - startNanos);
  }

  /** The last failure, said to come after several attempts, any of which may have reached the service. */
  private static Transport.Failure afterAttempts(Transport.Failure failure, int attempts, boolean reached) {
    return new Transport.Failure(failure.getMessage() + " (after " + attempts + " attempts)", failure.status,
        failure.excerpt, reached, failure.getCause());
  }

  private void sleep(Duration wait, String interrupted, boolean reached) throws Transport.Failure {
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Transport.Failure(interrupted, 0, null, reached, e);
    }
  }
}
