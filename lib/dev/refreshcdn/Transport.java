package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Submission.Retry;
import dev.refreshcdn.internal.Texts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLHandshakeException;

/**
 * Puts the requests of one submission, and the questions of task status and quota, on the wire: signs each attempt
 * afresh (a resent request with the same Nonce and Timestamp would be refused as a replay), paces the attempts to the
 * documented call rate, retries what may succeed later, and hands back the body of a 200 answer from one
 * {@link HttpClient}. Every text it hands on, body, excerpt or message, is {@linkplain NetworkText cleaned} first,
 * and no body is read further than it can be used.
 */
final class Transport {
  static final String USER_AGENT = "refresh-cdn/" + Limits.VERSION + " (Java " + Runtime.version().feature() + ")";
  /**
   * How much of an answer other than 200 is read: room for an excerpt even after whitespace and a secret
   * cut at the end; the rest is never read.
   */
  static final int ERROR_BODY_BYTES = 16 * 1024;
  /**
   * The largest 200 answer read. Purge and quota answers are small and a DescribePurgeTasks page holds 20
   * rows; the largest are legacy GetCdnRefreshLog listings: a task's records repeat at most one 1 MB request,
   * a day's range its 10,000 URLs per area, well under this; only weeks of a busy account go past it.
   */
  static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

  private final Settings settings;
  private final HttpClient client;
  /** The credentials requests are signed with, so that an answer echoing them can be cleaned; may be null. */
  private final Credentials credentials;
  private final IntSupplier nonces;
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

  /** A transport for one thread; the transports of one submission share its {@code pacer} and {@code nonces}. */
  Transport(Settings settings, HttpClient client, Pacer pacer, IntSupplier nonces) {
    this.settings = settings;
    this.client = client;
    this.credentials = settings.resolveCredentials();
    this.nonces = nonces;
    this.retries = settings.retryPolicy();
    this.pacer = pacer;
  }

  /** A transport of its own pacing ({@code interval} apart) and nonces, for questions outside any submission. */
  static Transport forQuestions(Settings settings, HttpClient client, Duration interval) {
    return new Transport(settings, client, new Pacer(settings, interval), settings.nonceSource());
  }

  /**
   * Asks until answered, refused for good, or the retries are spent, telling {@code onRetry} before each
   * retry of request number {@code number}. A refusal or a failure says whether any attempt may have
   * reached the service.
   */
  <T> T ask(Question<T> question, int number, Consumer<Retry> onRetry)
      throws Unanswered, Refusal {
    long start = settings.ticker.getAsLong();
    boolean reached = false; // whether any attempt so far may have reached the service
    for (int attempt = 1; ; attempt++) {
      pace(reached);
      EncodedRequest request = question.encode(settings.clock.instant().getEpochSecond(), nonces.getAsInt());
      Duration wait;
      String reason;
      try {
        return question.read(send(request));
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

  /** Sends {@code request} once; returns the body of an HTTP 200 answer as JSON text whose every string is clean. */
  private String send(EncodedRequest request) throws Unanswered {
    NetworkText text = new NetworkText(credentials, request);
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri)
        .timeout(settings.timeout)
        .header("User-Agent", USER_AGENT);
    if (request.method == HttpMethod.POST) {
      builder.header("Content-Type", request.contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.body, 0, request.size));
    } else {
      builder.GET();
    }
    request.headers.forEach(builder::header);
    HttpResponse<BoundedBody> response;
    try {
      response = client.send(builder.build(), BoundedBody.handler(MAX_ANSWER_BYTES, ERROR_BODY_BYTES));
    } catch (HttpConnectTimeoutException e) {
      throw new Unanswered("connect timed out", 0, null, false, true, Duration.ZERO, e);
    } catch (ConnectException e) {
      throw new Unanswered("could not connect to " + request.uri.getHost() + ": " + describe(e, text), 0, null, false,
          true, Duration.ZERO, safe(e, text));
    } catch (HttpTimeoutException e) {
      throw new Unanswered("no answer within " + Texts.duration(settings.timeout), 0, null, true, true, Duration.ZERO,
          e);
    } catch (IOException e) {
      if (causedBy(e, SSLHandshakeException.class)) {
        // Certificates and protocols do not fix themselves, and no request was sent.
        throw new Unanswered("TLS handshake with " + request.uri.getHost() + " failed: " + describe(e, text), 0, null,
            false, safe(e, text));
      }
      // The HTTP stack quotes what it could not parse, a status line say: that is network text too.
      throw new Unanswered("connection failed: " + describe(e, text), 0, null, true, true, Duration.ZERO, safe(e, text));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered("interrupted while waiting for the answer", 0, null, true, e);
    }
    BoundedBody body = response.body();
    int status = response.statusCode();
    if (status != 200) {
      // 501 is the documented answer to an oversized request: resending it cannot help.
      boolean busy = status == 429 || status >= 500 && status != 501 && status != 505;
      throw new Unanswered("unexpected HTTP status", status, excerpt(text, body.text(), body.cut), true, busy,
          retryAfter(response.headers().firstValue("Retry-After").orElse("")), null);
    }
    if (body.cut) {
      throw new Unanswered("the answer is larger than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MiB, the most read of"
          + " one answer (a legacy status range of weeks: ask a shorter one)", 200, excerpt(text, body.text(), true),
          true, null);
    }
    return cleanJson(body.text(), text);
  }

  /**
   * The answer as JSON again, with every string in it cleaned: cleaning the parsed strings catches a secret
   * that JSON escapes hid in the raw text, and the parsers read only clean text.
   */
  private static String cleanJson(String body, NetworkText text) throws Unanswered {
    Map<String, Object> root;
    try {
      root = Json.parse(body);
    } catch (Unanswered e) {
      // The JSON parser's own message quotes the raw body: only the cleaned excerpt goes on.
      throw new Unanswered(e.getMessage(), 200, excerpt(text, body, false), true, null);
    }
    try {
      return JSON.std.asString(text.clean(root));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write back a JSON answer", e);
    }
  }

  /** A clean excerpt of the start of {@code body}: no more of it is cleaned than an excerpt can show. */
  private static String excerpt(NetworkText text, String body, boolean cut) {
    return body.length() <= ERROR_BODY_BYTES ? text.excerpt(body, cut)
        : text.excerpt(body.substring(0, ERROR_BODY_BYTES), true);
  }

  /** A {@code Retry-After} in seconds; the HTTP-date form is rare from APIs and counts as none. */
  static Duration retryAfter(String header) {
    String value = header.strip();
    if (!value.matches("\\d{1,6}")) {
      return Duration.ZERO;
    }
    return Duration.ofSeconds(Long.parseLong(value));
  }

  /** Whether {@code type} is anywhere in the cause chain of {@code e}, {@code e} included. */
  static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e, NetworkText text) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? text.clean(root.getMessage()) : NetworkText.unnamed(e, root);
  }

  /** {@code e}, or when cleaning changes a message in its chain, a stand-in whose message is clean. */
  private static Throwable safe(Throwable e, NetworkText text) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().equals(text.clean(t.getMessage()))) {
        StringBuilder chain = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          chain.append("; caused by ").append(cause);
        }
        IOException clean = new IOException(text.clean(chain.toString()));
        clean.setStackTrace(e.getStackTrace());
        return clean;
      }
    }
    return e;
  }
}
