package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Refresh;
import java.io.PrintStream;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The connection options every command that talks to the service shares (--endpoint, --timeout, --retries,
 * --calls-per-minute, --https-proxy, -v), applied to a {@link Refresh} the same way by each of them.
 */
public final class Connection {
  private final String endpoint;
  private final Duration timeout;
  private final Integer retries;
  private final Integer callsPerMinute;
  private final String httpsProxy;
  private final boolean verbose;

  /** The options as given; null where one was not. */
  public Connection(String endpoint, Duration timeout, Integer retries, Integer callsPerMinute, String httpsProxy,
      boolean verbose) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.retries = retries;
    this.callsPerMinute = callsPerMinute;
    this.httpsProxy = httpsProxy;
    this.verbose = verbose;
  }

  /** The --endpoint given, or null. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * {@code refresh} with these options. The proxy is chosen for the endpoint requests will go to: --endpoint, else
   * {@code usual} (the API's default, or a resumed job's endpoint); none for {@code emulated} requests.
   *
   * @throws UsageException when the proxy is unusable
   * @throws IllegalArgumentException when a value is out of range (the library names it)
   */
  public Refresh applyTo(Refresh refresh, URI usual, boolean emulated, PrintStream log, Map<String, String> env) {
    if (endpoint != null) {
      refresh = refresh.endpoint(endpoint);
    }
    if (timeout != null) {
      refresh = refresh.timeout(timeout);
    }
    if (retries != null) {
      refresh = refresh.retries(retries);
    }
    if (callsPerMinute != null) {
      refresh = refresh.callsPerMinute(callsPerMinute);
    }
    URI target = endpoint != null ? URI.create(endpoint) : usual;
    ProxySelector proxy = emulated ? null : Proxies.select(httpsProxy, target, env);
    if (verbose) {
      refresh = refresh.httpClient(LoggingClient.withDefaults(proxy, log));
    } else if (proxy != null) {
      refresh = refresh.proxy(proxy);
    }
    return refresh;
  }

  /** The default endpoint of an API generation. */
  public static URI defaultEndpoint(Api api) {
    return api == Api.V2 ? Refresh.LEGACY_ENDPOINT : Refresh.DEFAULT_ENDPOINT;
  }
}
