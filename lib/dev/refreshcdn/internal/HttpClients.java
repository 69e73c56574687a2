package dev.refreshcdn.internal;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

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
}
