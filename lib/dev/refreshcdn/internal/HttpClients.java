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

  /**
   * Stops the selector thread of every JDK HTTP client in this process, which is about to exit; a request still in
   * flight fails. At exit HotSpot waits up to 300 ms for threads running native code to return
   * ({@code VM_Exit::wait_for_threads_in_native_to_block}), and a client's selector thread waits in native code for
   * as long as the client lives: that wait was a third of a 10,000-URL job. Java 11 to 20 have no call that closes
   * a client (21's {@code shutdownNow} cannot be compiled against 11); an interrupt ends the thread on every version
   * (its selector wakes, it sees the interrupt and closes the client). The thread is found by the name the JDK gives
   * it; a JDK that names it otherwise only exits slower.
   */
  public static void stopForExit() {
    stopSelectors("HttpClient-");
  }

  /** Interrupts the selector threads whose names start with {@code prefix} and end as the JDK ends them. */
  static void stopSelectors(String prefix) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      String name = threads[i].getName();
      if (name.startsWith(prefix) && name.endsWith("-SelectorManager")) {
        threads[i].interrupt();
      }
    }
  }
}
