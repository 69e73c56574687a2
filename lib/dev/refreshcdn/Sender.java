package dev.refreshcdn;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Sends the requests of one submission: signs each attempt afresh (a resent request with the same
 * Nonce and Timestamp would be refused as a replay), and retries what may succeed later.
 */
final class Sender {
  private final Settings settings;
  private final Backend backend;
  private final IntSupplier nonces;
  private final Transport transport;
  private final RetryPolicy retries;
  /** The least time between the starts of two requests, from the documented call rate. */
  private final long intervalNanos;
  private long lastStart = Long.MIN_VALUE;

  /** The service refused a request; the caller adds where the job stood. */
  static final class Refusal extends Exception {
    final Backend.Answer answer;

    Refusal(Backend.Answer answer) {
      super(answer.message);
      this.answer = answer;
    }
  }

  Sender(Settings settings, Backend backend) {
    this.settings = settings;
    this.backend = backend;
    this.nonces = settings.nonceSource();
    this.transport = new Transport(settings.client(), settings.timeout);
    this.retries = settings.retryPolicy();
    this.intervalNanos = 60_000_000_000L / settings.callsPerMinute;
  }

  /** Sends one request's URLs until it is accepted, refused for good, or the retries are spent. */
  Task send(List<String> urls) throws Transport.Failure, Refusal {
    long start = settings.ticker.getAsLong();
    for (int attempt = 1; ; attempt++) {
      pace();
      EncodedRequest request = backend.encode(urls, settings.clock.instant().getEpochSecond(), nonces.getAsInt());
      Duration wait;
      try {
        Backend.Answer answer = backend.read(transport.send(request), urls);
        if (answer.task != null) {
          return answer.task;
        }
        wait = answer.busy ? retries.delay(attempt, Duration.ZERO, since(start)) : null;
        if (wait == null) {
          throw new Refusal(answer);
        }
      } catch (Transport.Failure failure) {
        wait = failure.worthRetrying ? retries.delay(attempt, failure.retryAfter, since(start)) : null;
        if (wait == null) {
          throw attempt == 1 ? failure : afterAttempts(failure, attempt);
        }
      }
      sleep(wait);
    }
  }

  /** Waits until a request may start without going over the call rate. */
  private void pace() throws Transport.Failure {
    long now = settings.ticker.getAsLong();
    if (lastStart != Long.MIN_VALUE && now - lastStart < intervalNanos) {
      sleep(Duration.ofNanos(intervalNanos - (now - lastStart)));
      now = settings.ticker.getAsLong();
    }
    lastStart = now;
  }

  private Duration since(long startNanos) {
    return Duration.ofNanos(settings.ticker.getAsLong() - startNanos);
  }

  private static Transport.Failure afterAttempts(Transport.Failure failure, int attempts) {
    return new Transport.Failure(failure.getMessage() + " (after " + attempts + " attempts)", failure.status, failure.excerpt, failure.mayHaveReachedService,
        failure.getCause());
  }

  private void sleep(Duration wait) throws Transport.Failure {
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Transport.Failure("interrupted while waiting to retry", 0, null, true, e);
    }
  }
}
