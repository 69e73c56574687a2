package dev.refreshcdn.internal;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The one shape of HTTP client refresh-cdn builds. */
public final class HttpClients {
  private HttpClients() {}

  /**
   * HTTP/1.1 (the service's endpoints answer it; no h2c upgrade dance), never following redirects (a redirect
   * from the API is an error to report, not a place to send signed requests), through {@code proxyOrNull} unless
   * it is null.
   */
  public static HttpClient standard(Duration connectTimeout, ProxySelector proxyOrNull) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout);
    if (proxyOrNull != null) {
      builder.proxy(proxyOrNull);
    }
    return builder.build();
  }

  /**
   * Starts on a daemon thread what every client's first build waits for and the JDK then keeps for the process:
   * the default TLS context, which loads the trust store (150-250 ms of a small job's second). A caller that will
   * send calls it before reading and planning its input, so the client it builds afterwards is ready sooner; a
   * build that comes first waits for the context, which is made once either way. A failure is left for the real
   * build to report.
   */
  public static void warmUp() {
    Thread thread = new Thread(() -> {
      try {
        SSLContext.getDefault();
      } catch (GeneralSecurityException | RuntimeException e) {
        // the client's own build meets it again, and reports it
      }
    }, "refresh-cdn-tls-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
