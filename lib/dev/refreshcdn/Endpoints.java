package dev.refreshcdn;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/** What an endpoint must be: https, or plain http only on a loopback address (a local emulator or test server). */
final class Endpoints {
  private Endpoints() {}

  /** The endpoint, checked; see {@link Refresh#endpoint(String)}. */
  static URI check(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase();
    if (endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL with a host: " + endpoint);
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null || endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException("endpoint must not have a query, fragment or user info: " + endpoint);
    }
    if (scheme.equals("http") && !isLoopback(endpoint.getHost())) {
      throw new IllegalArgumentException(
          "endpoint must use https; plain http is allowed only on a loopback address: " + endpoint);
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("endpoint must use https: " + endpoint);
    }
    return endpoint;
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      return false; // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
