package dev.refreshcdn.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact wire request, and the transport failures, with WireMock standing in for the service. */
class WireMockTest {
  private static final String PATH = "/v2/index.php";
  private WireMockServer server;

  @BeforeEach
  void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.port() + PATH;
  }

  @Test
  void postsAFormWithTheTokenSignedAsTheOfficialSdkSignsAndLogsRequestsWithoutSecrets() {
    // given
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(
        "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":3,\"task_id\":\"1480069888795584532\"}}")));
    long before = System.currentTimeMillis() / 1000;
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", endpoint(), "--signature-method", "HmacSHA256", "-v")
        .stdin("https://www.test.com/1.jpg\nhttps://www.test.com/a%20b/2.jpg?v=1&x=ü\nhttps://www.test.com/3.jpg\n")
        .withCredentials().env("TENCENTCLOUD_TOKEN", "sessionTokenOfTemporaryKeysEXAMPLE").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("task 1480069888795584532: 3 URLs"), r::toString);
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    assertEquals(1, requests.size());
    LoggedRequest request = requests.get(0);
    assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    Map<String, String> form = decode(request.getBodyAsString());
    assertEquals("RefreshCdnUrl", form.get("Action"));
    assertEquals(Cli.SECRET_ID, form.get("SecretId"));
    assertEquals("HmacSHA256", form.get("SignatureMethod"));
    assertEquals("sessionTokenOfTemporaryKeysEXAMPLE", form.get("Token"));
    assertEquals("https://www.test.com/1.jpg", form.get("urls.0"));
    assertEquals("https://www.test.com/a%20b/2.jpg?v=1&x=ü", form.get("urls.1"));
    assertEquals("https://www.test.com/3.jpg", form.get("urls.2"));
    assertTrue(Long.parseLong(form.get("Timestamp")) >= before - 60);
    assertTrue(Long.parseLong(form.get("Nonce")) > 0);
    assertEquals(officialSignature("POST", request.getHeader("Host"), PATH, form, Cli.SECRET_KEY), form.get("Signature"));
    assertTrue(r.err().contains("[http] POST " + endpoint()), r::toString);
    assertFalse(r.all().contains(Cli.SECRET_KEY), r::toString);
    assertFalse(r.all().contains("sessionTokenOfTemporaryKeysEXAMPLE"), r::toString);
    assertFalse(r.all().contains(form.get("Signature")), r::toString);
  }

  @Test
  void anHttp502Exits4AndSaysTheRequestMayHaveReachedTheService() {
    // given
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", endpoint(), "--retries", "0", "https://www.test.com/1.jpg")
        .withCredentials().run();
    // then
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("HTTP 502"), r::toString);
    assertTrue(r.err().contains("may have reached the service"), r::toString);
    server.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aRefusedConnectionExits4AndSaysNothingReachedTheService() throws Exception {
    // given: a loopback port with nothing listening
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", "http://127.0.0.1:" + port + PATH, "--retries", "0",
        "https://www.test.com/1.jpg")
        .withCredentials().run();
    // then
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("could not connect"), r::toString);
    assertTrue(r.err().contains("did not reach the service"), r::toString);
  }

  @Test
  void withCredentialsAndNoApiOptionTheCommandSendsApi3PurgeUrlsCache() {
    // given: API 3.0 at the endpoint's root, asked for its quota first
    server.stubFor(post(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo("DescribePurgeQuota")).willReturn(okJson(
        "{\"Response\":{\"RequestId\":\"q\",\"UrlPurge\":[{\"Area\":\"mainland\",\"Batch\":1000,\"Total\":10000,"
            + "\"Available\":10000}],\"PathPurge\":[]}}")));
    server.stubFor(post(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo("PurgeUrlsCache")).willReturn(okJson(
        "{\"Response\":{\"TaskId\":\"1533045796-i60rfmzm\",\"RequestId\":\"4d5a83f8-a61f-445b-8036-5636be640bef\"}}")));
    // when: no --api, no REFRESH_CDN_API, no profile
    Cli.Result r = InProcess.refreshCdn("--endpoint", "http://127.0.0.1:" + server.port() + "/", "https://www.test.com/1.jpg")
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("task 1533045796-i60rfmzm: 1 URL"), r::toString);
    List<LoggedRequest> purges = server.findAll(postRequestedFor(urlPathEqualTo("/"))
        .withHeader("X-TC-Action", equalTo("PurgeUrlsCache")));
    assertEquals(1, purges.size());
    assertEquals("{\"Urls\":[\"https://www.test.com/1.jpg\"]}", purges.get(0).getBodyAsString());
    assertTrue(purges.get(0).getHeader("Authorization").startsWith("TC3-HMAC-SHA256 Credential=" + Cli.SECRET_ID + "/"));
    server.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
  }

  /** Tencent's published algorithm, written here independently of the library. */
  static String officialSignature(String method, String host, String path, Map<String, String> form, String key) {
    TreeMap<String, String> sorted = new TreeMap<>();
    form.forEach((name, value) -> {
      if (!name.equals("Signature")) {
        sorted.put(name.replace('_', '.'), value);
      }
    });
    List<String> pairs = new ArrayList<>();
    sorted.forEach((name, value) -> pairs.add(name + "=" + value));
    String source = method + host + path + "?" + String.join("&", pairs);
    String algorithm = "HmacSHA256".equals(form.get("SignatureMethod")) ? "HmacSHA256" : "HmacSHA1";
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Map<String, String> decode(String form) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
