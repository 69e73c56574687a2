package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Api.HttpMethod;
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
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends encoded requests over one {@link HttpClient} and hands back the body of a 200 answer. Every text
 * it hands on, body, excerpt or message, is {@linkplain NetworkText cleaned} first, and no body is read
 * further than it can be used.
 */
final class Transport {
  static final String USER_AGENT = "refresh-cdn/" + Limits.VERSION + " (Java " + Runtime.version().feature() + ")";
  /** How much of an unexpected body goes into an exception message. */
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

  private final HttpClient client;
  private final Duration timeout;
  /** The credentials requests are signed with, so that an answer echoing them can be cleaned; may be null. */
  private final Credentials credentials;

  Transport(HttpClient client, Duration timeout, Credentials credentials) {
    this.client = client;
    this.timeout = timeout;
    this.credentials = credentials;
  }

  /** Sends {@code request}; returns the body of an HTTP 200 answer as JSON text whose every string is clean. */
  String send(EncodedRequest request) throws Unanswered {
    NetworkText text = new NetworkText(credentials, request);
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
    HttpResponse<BoundedBody> response;
    try {
      response = client.send(builder.build(), BoundedBody.handler(MAX_ANSWER_BYTES, ERROR_BODY_BYTES));
    } catch (HttpConnectTimeoutException e) {
      throw new Unanswered("connect timed out", 0, null, false, true, Duration.ZERO, e);
    } catch (ConnectException e) {
      throw new Unanswered("could not connect to " + request.uri.getHost() + ": " + describe(e, text), 0, null, false,
          true, Duration.ZERO, safe(e, text));
    } catch (HttpTimeoutException e) {
      throw new Unanswered("no answer within " + Texts.duration(timeout), 0, null, true, true, Duration.ZERO, e);
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
