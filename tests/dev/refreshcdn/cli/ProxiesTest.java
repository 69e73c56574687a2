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
  @Test
  void anUnparsableProxyIsAUsageErrorThatDoesNotEchoThePassword() {
    for (String password : new String[] {"pa ss^w0rd", "s3cr{et}", "100%secret"}) {
      // given
      String value = "http://bob:" + password + "@proxy.local:3128";
      // when: from the option and from the variable
      UsageException option = assertThrows(UsageException.class, () -> Proxies.select(value, LEGACY, Map.of()));
      UsageException variable = assertThrows(UsageException.class,
          () -> Proxies.select(null, LEGACY, Map.of("HTTPS_PROXY", value)));
      // then
      for (UsageException e : List.of(option, variable)) {
        assertEquals("the HTTPS proxy is not a valid URL: http://***@proxy.local:3128", e.getMessage(), password);
        assertFalse(e.getMessage().contains(password), e.getMessage());
      }
    }
  }

  @Test
  void anUnparsableProxyWithoutSchemeHidesItsUserInfoToo() {
    // when
    UsageException e = assertThrows(UsageException.class,
        () -> Proxies.select("bob:pa ss^w0rd@proxy.local:3128", LEGACY, Map.of()));
    // then
    assertEquals("the HTTPS proxy is not a valid URL: ***@proxy.local:3128", e.getMessage());
  }

  @Test
  void aProxyWithASchemeOtherThanHttpIsAUsageError() {
    for (String value : new String[] {"socks5://proxy.local:1080", "https://proxy.local:3128",
        "socks5://bob:s3cret@proxy.local:1080"}) {
      // when
      UsageException e = assertThrows(UsageException.class, () -> Proxies.select(value, LEGACY, Map.of()));
      // then
      assertTrue(e.getMessage().startsWith("the HTTPS proxy must be an http:// proxy"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
  }

  @Test
  void anUpperCaseHttpSchemeIsAccepted() {
    // when
    ProxySelector selector = Proxies.select("HTTP://proxy.local:3128", LEGACY, Map.of());
    // then
    assertEquals("proxy.local", address(selector).getHostString());
  }
}
