package dev.refreshcdn;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

/** Sends encoded requests over one {@link HttpClient} and hands back the body of a 200 answer. */
final class Transport {
  static final String USER_AGENT = "refresh-cdn/" + Refresh.VERSION + " (Java " + Runtime.version().feature() + ")";
  /** How much of an unexpected body goes into an exception message. */
  static final int EXCERPT_LENGTH = 200;

  private final HttpClient client;
  private final Duration timeout;

  Transport(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** Why a request got no usable answer; turned into a {@link NoAnswerException} by the caller. */
  static final class Failure extends Exception {
    final int status;
    final String excerpt;
    final boolean mayHaveReachedService;
    /** Whether trying again may succeed: network trouble, HTTP 5xx and 429; not a bad body or an interrupt. */
    final boolean worthRetrying;
    /** What a {@code Retry-After} header asked for; zero when there was none. */
    final Duration retryAfter;

    Failure(String what, int status, String excerpt, boolean mayHaveReachedService, Throwable cause) {
      this(what, status, excerpt, mayHaveReachedService, false, Duration.ZERO, cause);
    }

    Failure(String what, int status, String excerpt, boolean mayHaveReachedService, boolean worthRetrying,
        Duration retryAfter, Throwable cause) {
      super(what, cause);
      this.status = status;
      this.excerpt = excerpt;
      this.mayHaveReachedService = mayHaveReachedService;
      this.worthRetrying = worthRetrying;
      this.retryAfter = retryAfter;
    }
  }

  /** Sends {@code request}; returns the body of an HTTP 200 answer as text. */
  String send(EncodedRequest request) throws Failure {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT);
    if (request.method == HttpMethod.POST) {
      builder.header("Content-Type", request.contentType)
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.body, 0, request.size));
    } else {
      builder.GET();
    }
    request.headers.forEach(builder::header);
    HttpResponse<byte[]> response;
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("connect timed out", 0, null, false, true, Duration.ZERO, e);
    } catch (ConnectException e) {
      throw new Failure("could not connect to " + request.uri.getHost() + ": " + describe(e), 0, null, false, true,
          Duration.ZERO, e);
    } catch (HttpTimeoutException e) {
      throw new Failure("no answer within " + timeout.toMillis() + " ms", 0, null, true, true, Duration.ZERO, e);
    } catch (IOException e) {
      if (causedBy(e, SSLHandshakeException.class)) {
        // Certificates and protocols do not fix themselves, and no request was sent.
        throw new Failure("TLS handshake with " + request.uri.getHost() + " failed: " + describe(e), 0, null, false, e);
      }
      throw new Failure("connection failed: " + describe(e), 0, null, true, true, Duration.ZERO, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while waiting for the answer", 0, null, true, e);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    int status = response.statusCode();
    if (status != 200) {
      // 501 is the documented answer to an oversized request: resending it cannot help.
      boolean busy = status == 429 || status >= 500 && status != 501 && status != 505;
      throw new Failure("unexpected HTTP status", status, Texts.excerpt(body, EXCERPT_LENGTH), true, busy,
          retryAfter(response.headers().firstValue("Retry-After").orElse("")), null);
    }
    return body;
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

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
