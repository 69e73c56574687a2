package dev.refreshcdn.emulator;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Receives every HTTP exchange: applies the delay and any queued fault, enforces the size limits, routes
 * to the legacy or the 3.0 gateway, writes the answer and records the verdict.
 */
final class Exchanges implements HttpHandler {
  /** Reference 1.1: GET at most 32 KB, POST at most 1 MB, else HTTP 501. */
  static final int LEGACY_GET_LIMIT = 32 * 1024;
  static final int LEGACY_POST_LIMIT = 1024 * 1024;
  /** Reference 4.1: POST with TC3 at most 10 MB. */
  static final int V3_POST_LIMIT = 10 * 1024 * 1024;

  private final EmulatorConfig config;
  private final LegacyApi legacy;
  private final Api3 api3;
  private final Faults faults = new Faults();
  private final List<RecordedRequest> recorded = new ArrayList<>();
  private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();
  private final BufferedWriter jsonLines;

  Exchanges(EmulatorConfig config) throws IOException {
    this.config = config;
    Ledger ledger = new Ledger(config);
    this.legacy = new LegacyApi(config, ledger);
    this.api3 = new Api3(config, ledger);
    this.jsonLines = config.requestLog.isPresent()
        ? Files.newBufferedWriter(config.requestLog.get(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND)
        : null;
  }

  Faults faults() {
    return faults;
  }

  void listen(Consumer<RecordedRequest> listener) {
    listeners.add(listener);
  }

  synchronized List<RecordedRequest> recorded() {
    return List.copyOf(recorded);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    Instant received = config.clock.instant();
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getRawPath();
    String api = Emulator.LEGACY_PATH.equals(path) ? "v2" : "/".equals(path) ? "v3" : "other";
    try {
      Body body = read(ex.getRequestBody(), "v3".equals(api) ? V3_POST_LIMIT : LEGACY_POST_LIMIT);
      sleep(faults.delay());
      Optional<Faults.Fault> fault = faults.poll();
      if (fault.isPresent()) {
        ReplyDraft a = faulted(fault.get(), peek(ex, api, body));
        // Recorded before answering, so a client that has its answer finds the request in requests().
        record(new Verdict(received, api, method, a, fault.get().describe()));
        if (fault.get().kind != Faults.Kind.DROP) {
          send(ex, a);
        }
        return;
      }
      ReplyDraft a;
      try {
        a = route(ex, api, method, body);
      } catch (RuntimeException e) {
        // A bug in the emulator must show up as an answer and a record, not as a dropped connection.
        a = new ReplyDraft().text(500, "emulator error: " + e);
      }
      record(new Verdict(received, api, method, a, null));
      send(ex, a);
    } finally {
      ex.close();
    }
  }

  private ReplyDraft route(HttpExchange ex, String api, String method, Body body) {
    String rawQuery = ex.getRequestURI().getRawQuery();
    if ("v3".equals(api)) {
      if (body.tooLarge) {
        return Api3.error(new ReplyDraft(), "RequestSizeLimitExceeded", "The request body exceeds 10 MB.");
      }
      return api3.handle(method, rawQuery, ex.getRequestHeaders(), body.bytes);
    }
    if (!"v2".equals(api)) {
      return new ReplyDraft().text(404, "Not Found: the emulator serves " + Emulator.LEGACY_PATH + " and /");
    }
    String host = ex.getRequestHeaders().getFirst("Host");
    if ("GET".equals(method)) {
      // The whole request line counts; the path and query are what a client can make long.
      if (ex.getRequestURI().getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length()) > LEGACY_GET_LIMIT) {
        return new ReplyDraft().text(501, "Not Implemented: GET requests are limited to 32 KB");
      }
      return parseAndHandle(method, host, () -> Forms.urlencoded(rawQuery));
    }
    if ("POST".equals(method)) {
      if (body.tooLarge) {
        return new ReplyDraft().text(501, "Not Implemented: POST requests are limited to 1 MB");
      }
      String contentType = ex.getRequestHeaders().getFirst("Content-Type");
      // With POST the service reads the body only; a query string is ignored.
      return parseAndHandle(method, host, () -> Forms.isMultipart(contentType)
          ? Forms.multipart(body.bytes, contentType)
          : Forms.urlencoded(new String(body.bytes, StandardCharsets.UTF_8)));
    }
    return new ReplyDraft().text(405, "Method Not Allowed: use GET or POST");
  }

  private ReplyDraft parseAndHandle(String method, String host, Supplier<Map<String, String>> parser) {
    Map<String, String> params;
    try {
      params = parser.get();
    } catch (IllegalArgumentException e) {
      return LegacyApi.error(new ReplyDraft(), 4000, "InvalidParameter", "参数错误 the request cannot be decoded: " + e.getMessage());
    }
    return legacy.handle(method, host, Emulator.LEGACY_PATH, params);
  }

  /** Learns the action and SecretId of a faulted request for the record, without judging it. */
  private static ReplyDraft peek(HttpExchange ex, String api, Body body) {
    ReplyDraft a = new ReplyDraft();
    try {
      String action = ex.getRequestHeaders().getFirst("X-TC-Action");
      if ("v3".equals(api) && action != null) {
        a.action = action;
        Tc3.parse(ex.getRequestHeaders().getFirst("Authorization")).ifPresent(x -> a.secretId = x.secretId);
      } else if (!"other".equals(api)) {
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> p = "GET".equalsIgnoreCase(ex.getRequestMethod())
            ? Forms.urlencoded(ex.getRequestURI().getRawQuery())
            : Forms.isMultipart(ct) ? Forms.multipart(body.bytes, ct)
            : Forms.urlencoded(new String(body.bytes, StandardCharsets.UTF_8));
        a.params = "v3".equals(api) ? Api3Params.withoutCommon(p) : p;
        a.action = p.getOrDefault("Action", "");
        a.secretId = p.getOrDefault("SecretId", "");
      }
    } catch (RuntimeException ignored) {
      // A faulted request is recorded as best we can; its content is not judged.
    }
    return a;
  }

  private static ReplyDraft faulted(Faults.Fault fault, ReplyDraft a) {
    switch (fault.kind) {
      case STATUS:
        a.text(fault.status, fault.status == 429 ? "Too Many Requests" : "Injected failure " + fault.status);
        if (fault.status == 429) {
          a.headers.put("Retry-After", "1");
        }
        return a;
      case MALFORMED:
        a.httpStatus = 200;
        a.code = "malformed";
        a.body = "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Succ".getBytes(StandardCharsets.UTF_8);
        return a;
      default:
        // Closing an exchange before sending headers closes the connection without a byte of answer.
        a.httpStatus = 0;
        a.code = "dropped";
        return a;
    }
  }

  private static void send(HttpExchange ex, ReplyDraft a) throws IOException {
    // The JDK's server writes the headers and the body of an answer separately; unless its sockets have
    // TCP_NODELAY (only with the JVM-wide sun.net.httpserver.nodelay set before its first server starts),
    // Nagle's algorithm holds the body back for the client's delayed ACK of the headers, about 40 ms an
    // answer on loopback. Closing the connection after the answer pushes the body out at once, the same
    // 1.8 ms a round trip as TCP_NODELAY, at the cost of keep-alive: each request opens a connection.
    ex.getResponseHeaders().set("Connection", "close");
    ex.getResponseHeaders().set("Content-Type", a.contentType);
    for (Map.Entry<String, String> h : a.headers.entrySet()) {
      ex.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    ex.sendResponseHeaders(a.httpStatus, a.body.length == 0 ? -1 : a.body.length);
    if (a.body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(a.body);
      }
    }
  }

  private void record(Verdict v) {
    RecordedRequest r = new RecordedRequest(v);
    synchronized (this) {
      recorded.add(r);
      if (jsonLines != null) {
        try {
          jsonLines.write(Json.write(v.toJson()));
          jsonLines.newLine();
          jsonLines.flush();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the request log", e);
        }
      }
    }
    for (Consumer<RecordedRequest> l : listeners) {
      l.accept(r);
    }
  }

  synchronized void close() {
    if (jsonLines != null) {
      try {
        jsonLines.close();
      } catch (IOException ignored) {
        // Closing is best effort; every line was flushed when written.
      }
    }
  }

  private static void sleep(Duration d) {
    if (!d.isZero()) {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A request body read up to a limit; the rest is drained so the client still receives the answer. */
  static final class Body {
    final byte[] bytes;
    final boolean tooLarge;

    Body(byte[] bytes, boolean tooLarge) {
      this.bytes = bytes;
      this.tooLarge = tooLarge;
    }
  }

  static Body read(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      if (total + n <= limit) {
        out.write(buf, 0, n);
      }
      total += n;
    }
    return new Body(total > limit ? new byte[0] : out.toByteArray(), total > limit);
  }
}
