package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which proxy carries a request: the option, else HTTPS_PROXY unless NO_PROXY covers the endpoint's host. */
class ProxiesTest {
  private static final URI LEGACY = URI.create("https://cdn.api.qcloud.com/v2/index.php");

  private static InetSocketAddress address(ProxySelector selector) {
    List<Proxy> proxies = selector.select(LEGACY);
    assertEquals(1, proxies.size());
    return (InetSocketAddress) proxies.get(0).address();
  }

  @Test
  void theVariableIsUsedForAnHttpsEndpoint() {
    // when
    ProxySelector selector = Proxies.select(null, LEGACY, Map.of("HTTPS_PROXY", "http://proxy.local:3128"));
    // then
    assertEquals("proxy.local", address(selector).getHostString());
    assertEquals(3128, address(selector).getPort());
  }

  @Test
  void theLowerCaseVariableAndABareHostWithoutPortWork() {
    // when
    ProxySelector selector = Proxies.select(null, LEGACY, Map.of("https_proxy", "proxy.local"));
    // then
    assertEquals("proxy.local", address(selector).getHostString());
    assertEquals(80, address(selector).getPort());
  }

  @Test
  void theOptionWinsOverTheVariableAndOverNoProxy() {
    // when
    ProxySelector selector = Proxies.select("http://option.local:8080", LEGACY,
        Map.of("HTTPS_PROXY", "http://env.local:3128", "NO_PROXY", "qcloud.com"));
    // then
    assertEquals("option.local", address(selector).getHostString());
  }

  @Test
  void noProxyCoversTheHostBySuffixInAnyOfItsForms() {
    // given
    Map<String, String> base = Map.of("HTTPS_PROXY", "http://proxy.local:3128");
    // then
    for (String noProxy : new String[] {"qcloud.com", ".qcloud.com", "*.qcloud.com", "localhost, api.qcloud.com",
        "cdn.api.qcloud.com", "CDN.API.QCLOUD.COM"}) {
      Map<String, String> env = new java.util.HashMap<>(base);
      env.put("no_proxy", noProxy);
      assertNull(Proxies.select(null, LEGACY, env), noProxy);
    }
  }

  @Test
  void noProxyDoesNotCoverAnotherHostThatMerelyEndsTheSame() {
    // then
    assertFalse(Proxies.bypassed("cdn.api.qcloud.com", "cloud.com"));
    assertFalse(Proxies.bypassed("cdn.api.qcloud.com", "example.com, "));
    assertFalse(Proxies.bypassed("cdn.api.qcloud.com", null));
    assertTrue(Proxies.bypassed("cdn.api.qcloud.com", "example.com,qcloud.com"));
  }

  @Test
  void noVariableOrAPlainHttpEndpointMeansDirect() {
    // then
    assertNull(Proxies.select(null, LEGACY, Map.of()));
    assertNull(Proxies.select(null, LEGACY, Map.of("HTTPS_PROXY", " ")));
    assertNull(Proxies.select("http://proxy.local:3128", URI.create("http://127.0.0.1:8080/v2/index.php"), Map.of()));
  }

  @Test
  void aLoneStarInNoProxyCoversEveryHost() {
    // then
    assertNull(Proxies.select(null, LEGACY, Map.of("HTTPS_PROXY", "http://proxy.local:3128", "NO_PROXY", "*")));
    assertTrue(Proxies.bypassed("any.host", "localhost, *"));
  }

  @Test
  void aProxyWithUserInfoIsAUsageErrorThatDoesNotEchoThePassword() {
    // when
    UsageException e = assertThrows(UsageException.class,
        () -> Proxies.select(null, LEGACY, Map.of("HTTPS_PROXY", "http://user:s3cret@proxy.local:3128")));
    // then
    assertEquals("the HTTPS proxy must be http://host:port without user info: http://***@proxy.local:3128",
        e.getMessage());
  }
}
