package dev.refreshcdn.cli;

import dev.refreshcdn.Refresh;
import dev.refreshcdn.internal.HttpClients;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HttpClient that logs one line per request: method, endpoint without the query (which holds the SecretId and
 * Signature for GET), size, status and time; never a header or a body. Used with --verbose.
 */
final class LoggingClient extends HttpClient {
  private final HttpClient delegate;
  private final PrintStream log;

  /** Logs each request {@code delegate} sends on {@code log}. */
  public LoggingClient(HttpClient delegate, PrintStream log) {
    this.delegate = delegate;
    this.log = log;
  }

  /**
   * A logging client configured as the library's own (HTTP/1.1, no redirects, the default connect timeout),
   * through {@code proxy} unless it is null.
   */
  static LoggingClient withDefaults(ProxySelector proxy, PrintStream log) {
    return new LoggingClient(HttpClients.standard(Refresh.DEFAULT_CONNECT_TIMEOUT, proxy), log);
  }

  /** Sends through the delegate and logs one line with the outcome. */
  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    String line = describe(request);
    long start = System.nanoTime();
    try {
      HttpResponse<T> response = delegate.send(request, handler);
      log.println(line + " → HTTP " + response.statusCode() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      return response;
    } catch (IOException | RuntimeException e) {
      log.println(line + " → " + e.getClass().getSimpleName() + " after " + (System.nanoTime() - start) / 1_000_000
          + " ms");
      throw e;
    }
  }

  /** The start of a log line: method, scheme, authority and path, and the sizes of the query and the body. */
  static String describe(HttpRequest request) {
    URI uri = request.uri();
    return "[http] " + request.method() + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
        + (uri.getRawQuery() != null ? " (query: " + uri.getRawQuery().length() + " bytes)" : "")
        + request.bodyPublisher().map(b -> b.contentLength() > 0 ? " (body: " + b.contentLength() + " bytes)" : "")
        .orElse("");
  }

  /** Sends through the delegate without logging (the library sends synchronously). */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(request, handler);
  }

  /** Sends through the delegate without logging (the library sends synchronously). */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    return delegate.sendAsync(request, handler, push);
  }

  /** The delegate's. */
  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  /** The delegate's. */
  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  /** The delegate's. */
  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  /** The delegate's. */
  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  /** The delegate's. */
  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  /** The delegate's. */
  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  /** The delegate's. */
  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  /** The delegate's. */
  @Override
  public Version version() {
    return delegate.version();
  }

  /** The delegate's. */
  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
