package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Refresh;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the requests go and how (--endpoint, --timeout, --retries, --calls-per-minute, --https-proxy, -v): a mixin of
 * every command that talks to the service, applied to a {@link Refresh} the same way by each of them.
 */
final class ConnectionOptions {
  @Option(names = "--endpoint", paramLabel = "URL", descriptionKey = "endpoint",
      description = {"The endpoint; by default a resumed job's own, else the API's:",
          "https://cdn.tencentcloudapi.com/ (v3)", "https://cdn.api.qcloud.com/v2/index.php (v2)"})
  String endpoint;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.ToPositiveDuration.class,
      description = "How long to wait for each answer, e.g. 30s, 2m, 500ms or PT1M (default: 30s).")
  Duration timeout;

  @Option(names = "--retries", paramLabel = "N",
      description = "Retry a request up to N times after a failure that may pass (network, timeout, HTTP 5xx or "
          + "429, a busy service), with backoff (default: 3).")
  Integer retries;

  @Option(names = "--calls-per-minute", paramLabel = "N",
      description = "Start at most N requests a minute, retries included (default: 1200, the documented limit).")
  Integer callsPerMinute;

  @Option(names = "--https-proxy", paramLabel = "URL",
      description = "Connect through this http:// proxy (no user info), e.g. http://proxy:3128 (default: "
          + "$HTTPS_PROXY, honouring $NO_PROXY).")
  String httpsProxy;

  @Option(names = {"-v", "--verbose"}, description = "Log every HTTP request on stderr (never a secret).")
  boolean verbose;

  /**
   * {@code refresh} with these options. The proxy is chosen for the endpoint requests will go to: --endpoint, else
   * {@code usual} (the API's default, or a resumed job's endpoint); none for {@code emulated} requests.
   *
   * @throws UsageException when the proxy is unusable
   * @throws IllegalArgumentException when a value is out of range (the library names it)
   */
  Refresh applyTo(Refresh refresh, URI usual, boolean emulated, Context context) {
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
    ProxySelector proxy = emulated ? null : Proxies.select(httpsProxy, target, context.env);
    if (verbose) {
      refresh = refresh.httpClient(LoggingClient.withDefaults(proxy, context.err));
    } else if (proxy != null) {
      refresh = refresh.proxy(proxy);
    }
    return refresh;
  }

  /**
   * The help of --endpoint for a command that is not a job's: prefetch (API 3.0 only), status (the API's endpoint;
   * no job of its own), as a bundle that overrides the annotation's words.
   */
  static java.util.ResourceBundle endpointHelp(String command) {
    Object[][] lines = command.equals("prefetch")
        ? new Object[][] {{"endpoint.0", "The endpoint (default: API 3.0's):"},
            {"endpoint.1", "https://cdn.tencentcloudapi.com/"}}
        : new Object[][] {{"endpoint.0", "The endpoint (default: the API's):"},
            {"endpoint.1", "https://cdn.tencentcloudapi.com/ (v3)"},
            {"endpoint.2", "https://cdn.api.qcloud.com/v2/index.php (v2)"}};
    return new java.util.ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return lines;
      }
    };
  }

  /** The default endpoint of an API generation (the library's {@link Api#defaultEndpoint()}). */
  static URI defaultEndpoint(Api api) {
    return api.defaultEndpoint();
  }
}
