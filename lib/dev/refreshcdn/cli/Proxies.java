package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Texts;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/** The HTTPS proxy: --https-proxy, else $HTTPS_PROXY/$https_proxy unless $NO_PROXY/$no_proxy covers the host. */
final class Proxies {
  private Proxies() {}

  /**
   * The proxy for requests to {@code target}, or null to connect directly: {@code option} when given, else the
   * environment's; always null for a plain http target.
   *
   * @throws UsageException when the proxy is not a valid {@code http://host:port} (other schemes and a user:password
   *     part are refused; the message never shows the user:password part)
   */
  static ProxySelector select(String option, URI target, Map<String, String> env) {
    if (!"https".equalsIgnoreCase(target.getScheme())) {
      return null; // an HTTPS proxy is for https endpoints; http is only allowed on loopback anyway
    }
    String value = option;
    if (value == null) {
      value = env.getOrDefault("HTTPS_PROXY", env.get("https_proxy"));
      if (value == null || value.isBlank() || bypassed(target.getHost(), env.getOrDefault("NO_PROXY", env.get("no_proxy")))) {
        return null;
      }
    }
    URI proxy = parse(value);
    if (!"http".equalsIgnoreCase(proxy.getScheme())) {
      throw new UsageException("the HTTPS proxy must be an http:// proxy (" + proxy.getScheme()
          + ":// is not supported): " + Texts.proxyWithoutUserInfo(value));
    }
    if (proxy.getHost() == null || proxy.getRawUserInfo() != null) {
      throw new UsageException("the HTTPS proxy must be http://host:port without user info: " + Texts.proxyWithoutUserInfo(value));
    }
    return ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() == -1 ? 80 : proxy.getPort()));
  }

  /** The proxy as a URI, http:// assumed; the parser's message quotes the whole value (a password too), so not shown. */
  private static URI parse(String value) {
    try {
      return new URI(value.contains("://") ? value : "http://" + value);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new UsageException("the HTTPS proxy is not a valid URL: " + Texts.proxyWithoutUserInfo(value));
    }
  }

  /** Whether a NO_PROXY list (host names, .suffixes, *.suffixes or a lone *) covers {@code host}. */
  static boolean bypassed(String host, String noProxy) {
    if (noProxy == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String entry : noProxy.split(",")) {
      String suffix = entry.strip().toLowerCase(Locale.ROOT);
      if (suffix.equals("*")) {
        return true;
      }
      suffix = suffix.startsWith("*") ? suffix.substring(1) : suffix;
      if (!suffix.isEmpty() && (h.equals(suffix.replaceFirst("^\\.", ""))
          || h.endsWith(suffix.startsWith(".") ? suffix : "." + suffix))) {
        return true;
      }
    }
    return false;
  }
}
