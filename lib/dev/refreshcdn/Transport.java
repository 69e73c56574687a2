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

    Failure(String what, int status, String excerpt, boolean mayHaveReachedService, Throwable cause) {
      super(what, cause);
      this.status = status;
      this.excerpt = excerpt;
      this.mayHaveReachedService = mayHaveReachedService;
    }
  }

  /** Sends {@code request}; returns the body of an HTTP 200 answer as text. */
  String send(EncodedRequest request) throws Failure {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT);
    if (request.method == HttpMethod.POST) {
      builder.header("Content-Type", V2Codec.CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(request.body, 0, request.size));
    } else {
      builder.GET();
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("connect timed out", 0, null, false, e);
    } catch (ConnectException e) {
      throw new Failure("could not connect to " + request.uri.getHost() + ": " + describe(e), 0, null, false, e);
    } catch (HttpTimeoutException e) {
      throw new Failure("no answer within " + timeout.toMillis() + " ms", 0, null, true, e);
    } catch (IOException e) {
      throw new Failure("connection failed: " + describe(e), 0, null, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while waiting for the answer", 0, null, true, e);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != 200) {
      throw new Failure("unexpected HTTP status", response.statusCode(), Texts.excerpt(body, EXCERPT_LENGTH), true, null);
    }
    return body;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
