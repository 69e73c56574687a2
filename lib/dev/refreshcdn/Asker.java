package dev.refreshcdn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Sends questions that change nothing (task status, quota) by the rules the {@link Sender} applies to
 * purges: each attempt signed afresh, network trouble, HTTP 5xx and 429 and the service's busy codes
 * retried with the settings' {@link RetryPolicy}, calls paced to the action's documented rate. What
 * cannot be answered ends as the exceptions a submission throws, with nothing sent to account for.
 */
final class Asker {
  /** One kind of question: how it is signed, and what its answer says (or the refusal it states). */
  interface Question<T> {
    EncodedRequest encode(long timestamp, int nonce);

    /** The answer's value; throws a {@link Sender.Refusal} when the service said no. */
    T read(String body) throws Transport.Failure, Sender.Refusal;
  }

  private final Settings settings;
  private final Transport transport;
  private final RetryPolicy retries;
  private final IntSupplier nonces;
  private final long intervalNanos;
  private long lastStart = Long.MIN_VALUE;

  /** Asks over {@code client}, starting calls at least {@code interval} apart. */
  Asker(Settings settings, HttpClient client, Duration interval) {
    this.settings = settings;
    this.transport = new Transport(client, settings.timeout);
    this.retries = settings.retryPolicy();
    this.nonces = settings.nonceSource();
    this.intervalNanos = interval.toNanos();
  }

  /**
   * Asks until answered, refused for good, or the retries are spent.
   *
   * @throws RefusedException when the service refuses the question
   * @throws NoAnswerException when no usable answer comes
   */
  <T> T ask(Question<T> question) {
    long start = settings.ticker.getAsLong();
    for (int attempt = 1; ; attempt++) {
      pace();
      EncodedRequest request = question.encode(settings.clock.instant().getEpochSecond(), nonces.getAsInt());
      Duration wait;
      try {
        return question.read(transport.send(request));
      } catch (Sender.Refusal refusal) {
        Backend.Answer answer = refusal.answer;
        wait = answer.busy ? retries.delay(attempt, Duration.ZERO, since(start)) : null;
        if (wait == null) {
          throw new RefusedException(answer.code, answer.codeDesc, answer.message, answer.requestId, false,
              RefreshException.Progress.NOTHING_SENT,
              LegacyRetirement.suggests(settings, answer.code) ? LegacyRetirement.HINT : "");
        }
      } catch (Transport.Failure failure) {
        wait = failure.worthRetrying ? retries.delay(attempt, failure.retryAfter, since(start)) : null;
        if (wait == null) {
          String what = failure.getMessage() + (attempt == 1 ? "" : " (after " + attempt + " attempts)");
          throw noAnswer(what, failure.status, failure.excerpt, failure.mayHaveReachedService, failure.getCause(),
              LegacyRetirement.suggests(settings, failure) ? LegacyRetirement.HINT : "");
        }
      }
      sleep(wait);
    }
  }

  /** Waits until a call may start without going over the action's rate. */
  private void pace() {
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

  private void sleep(Duration wait) {
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw noAnswer("interrupted while waiting to ask again", 0, null, false, e, "");
    }
  }

  private static NoAnswerException noAnswer(String what, int status, String excerpt, boolean reached, Throwable cause,
      String hint) {
    return new NoAnswerException(what, status, excerpt, reached, RefreshException.Progress.NOTHING_SENT, cause, hint);
  }
}
