package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.Plan.DryRun;
import dev.refreshcdn.RefreshException.MissingCredentialsException;
import dev.refreshcdn.RefreshException.StoppedException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.refreshcdn.internal.Texts;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Submitting through real HTTP to a loopback server that checks signatures as the official SDK computes them. */
class SubmitTest {
  static final String SUCCESS =
      "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":${count},\"task_id\":\"${taskId}\"}}";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck()).jettyHeaderRequestSize(64 * 1024))
      .build();

  static Refresh refresh(List<String> urls) {
    return Refresh.urls(urls).api(Api.V2)
        .credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php"))
        .with(it -> it.sleeper = wait -> { }); // retries happen at once: backoff is RetryTest's business
  }

  /**
   * URLs with Unicode paths and {@code +}, {@code &}, {@code %2F} and {@code =} in their queries, all of one domain
   * (http and https alike), so the plan keeps their order (a request holds one domain: see PerDomainTest).
   */
  static List<String> awkwardUrls(int count) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      urls.add(i % 2 == 0
          ? "https://www.test.com/图片/文件-" + i + ".jpg?q=a+b&r=%2Fx&s=1=2"
          : "http://www.test.com/p/" + i + "?v=" + i + "&plus=+&pct=%25");
    }
    return urls;
  }

  @Test
  void submitSplitsTwentyFiveHundredUrlsIntoThreeSignedRequests() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    List<String> urls = awkwardUrls(2500);
    // when: exactly the README's snippet, pointed at the loopback server
    Submission s = Refresh.urls(urls).api(Api.V2)
        .credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php"))
        .batch()
        .submit();
    // then
    assertEquals(3, s.tasks().size());
    assertEquals(List.of(1000, 1000, 500), s.tasks().stream().map(Task::count).toList());
    assertEquals(3, s.tasks().stream().map(Task::taskId).distinct().count());
    assertTrue(s.tasks().get(0).taskId().matches("\\d{19}"), s.tasks().get(0).taskId());
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo("/v2/index.php")));
    assertEquals(3, requests.size());
    List<String> received = new ArrayList<>();
    Set<String> nonces = new HashSet<>();
    for (LoggedRequest request : requests) {
      assertEquals("application/x-www-form-urlencoded", request.getHeader("Content-Type"));
      assertTrue(request.getHeader("User-Agent").startsWith("refresh-cdn/" + Refresh.VERSION), request.getHeader("User-Agent"));
      Map<String, String> p = SignatureCheck.parameters(request);
      assertEquals("RefreshCdnUrl", p.get("Action"));
      assertEquals(SignatureCheck.SECRET_ID, p.get("SecretId"));
      assertNull(p.get("Region"), "no empty Region");
      assertNull(p.get("SignatureMethod"), "HmacSHA1 is the default and is not named");
      assertTrue(Long.parseLong(p.get("Nonce")) > 0);
      nonces.add(p.get("Nonce"));
      assertTrue(Math.abs(Long.parseLong(p.get("Timestamp")) - Instant.now().getEpochSecond()) < 60);
      // the signature, recomputed here from what was received, is the one sent
      String expected = OfficialV2Signer.expected("POST", request.getHeader("Host"), "/v2/index.php", p, SignatureCheck.SECRET_KEY);
      assertEquals(expected, p.get("Signature"));
      int n = (int) p.keySet().stream().filter(k -> k.startsWith("urls.")).count();
      for (int i = 0; i < n; i++) {
        assertTrue(p.containsKey("urls." + i), "urls." + i + " missing: numbering has a gap");
        received.add(p.get("urls." + i));
      }
    }
    assertEquals(3, nonces.size(), "a fresh nonce per request");
    assertEquals(urls, received, "every URL sent once, in order, byte for byte");
  }

  @Test
  void getPutsEveryParameterInTheQueryAndSignsWithHmacSha256() {
    // given
    server.stubFor(get(urlPathEqualTo("/v2/index.php")).willReturn(okJson(SUCCESS)));
    List<String> urls = awkwardUrls(30);
    // when
    Submission s = refresh(urls).method(HttpMethod.GET).signatureMethod(SignatureMethod.HmacSHA256).batch(10).submit();
    // then
    assertEquals(3, s.tasks().size());
    List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(3, requests.size());
    for (LoggedRequest request : requests) {
      assertEquals("GET", request.getMethod().getName());
      assertEquals(0, request.getBody().length);
      Map<String, String> p = SignatureCheck.parameters(request);
      assertEquals("HmacSHA256", p.get("SignatureMethod"));
      assertEquals(OfficialV2Signer.expected("GET", request.getHeader("Host"), "/v2/index.php", p, SignatureCheck.SECRET_KEY),
          p.get("Signature"));
    }
    assertEquals(urls.subList(0, 10), s.tasks().get(0).urls());
    List<String> received = new ArrayList<>();
    for (LoggedRequest request : requests) {
      Map<String, String> p = SignatureCheck.parameters(request);
      for (int i = 0; p.containsKey("urls." + i); i++) {
        received.add(p.get("urls." + i));
      }
    }
    assertEquals(urls, received, "each URL decoded from the query exactly as given: encoded once, signed raw");
  }

  @Test
  void timestampComesFromTheClockAndNoncesFromTheirSource() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1462521223), ZoneOffset.UTC);
    // when
    refresh(List.of("https://www.test.com/1.jpg")).with(it -> it.clock = clock).with(it -> it.nonces = () -> 123456789).batch().submit();
    // then
    Map<String, String> p = SignatureCheck.parameters(server.findAll(postRequestedFor(anyUrl())).get(0));
    assertEquals("1462521223", p.get("Timestamp"));
    assertEquals("123456789", p.get("Nonce"));
  }

  @Test
  void aSignatureTheServerRejectsIsARefusalWithCode4100() {
    // given: a key the server does not hold
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> Refresh.urls("https://www.test.com/1.jpg").api(Api.V2)
        .credentials(SignatureCheck.SECRET_ID, "not-the-key").endpoint(server.url("/v2/index.php")).batch().submit());
    // then
    assertEquals("4100", e.code());
    assertFalse(e.getMessage().contains("not-the-key"), e.getMessage());
  }

  @Test
  void refusalSurfacesCodeCodeDescAndMessageWithTheRefusedUrls() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(
        "{\"code\":4000,\"message\":\"(9110)没有这个域名的信息 cdn no such host\",\"codeDesc\":\"9110\"}")));
    List<String> urls = List.of("https://nobody.example.com/1.jpg", "https://nobody.example.com/2.jpg");
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh(urls).batch().submit());
    // then
    assertEquals("4000", e.code());
    assertEquals("9110", e.codeDesc());
    assertEquals("(9110)没有这个域名的信息 cdn no such host", e.message());
    assertEquals(urls, e.failedUrls());
    assertTrue(e.tasks().isEmpty());
    assertTrue(e.unsentUrls().isEmpty());
    assertTrue(e.getMessage().contains("9110") && e.getMessage().contains("nobody.example.com (2 URLs)"), e.getMessage());
    assertEquals("nobody.example.com", e.refusedDomains().get(0).name());
  }

  @Test
  void numericCodeDescIsReadAsText() {
    // given: the RefreshCdnDir page shows codeDesc as a number
    server.stubFor(post("/v2/index.php").willReturn(okJson(
        "{\"code\":4000,\"message\":\"(9110)没有这个域名的信息 cdn no such host\",\"codeDesc\":9110}")));
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> refresh(List.of("https://nobody.example.com/1.jpg")).batch().submit());
    // then
    assertEquals("9110", e.codeDesc());
  }

  @Test
  void http502WithAnHtmlBodyIsNoUsableAnswer() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit());
    // then
    assertEquals(502, e.statusCode().getAsInt());
    assertTrue(e.bodyExcerpt().orElseThrow().contains("502 Bad Gateway"));
    assertTrue(e.mayHaveReachedService());
    assertEquals(List.of("https://www.test.com/1.jpg"), e.failedUrls());
  }

  @Test
  void malformedJsonIsNoUsableAnswer() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson("{\"code\":0,\"data\":{\"task_id\":")));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit());
    // then
    assertEquals(200, e.statusCode().getAsInt());
    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void successWithoutATaskIdIsNoUsableAnswer() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\"}")));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit());
    // then
    assertTrue(e.getMessage().contains("task_id"), e.getMessage());
  }

  @Test
  void aTaskIdThatIsNeitherTextNorAWholeNumberIsNoUsableAnswer() {
    for (String taskId : List.of("{}", "true", "[1]", "1.5", "\"\"")) {
      // given
      server.resetAll();
      server.stubFor(post("/v2/index.php").willReturn(okJson(
          "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1,\"task_id\":" + taskId + "}}")));
      // when
      NoAnswerException e = assertThrows(NoAnswerException.class,
          () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit(), taskId);
      // then
      assertTrue(e.getMessage().contains("task_id"), e.getMessage());
    }
  }

  @Test
  void taskIdIsKeptDigitForDigitAsStringOrNumber() {
    for (String taskId : List.of("\"1480069888795584532\"", "1480069888795584532", "98765432109876543210123")) {
      // given
      server.resetAll();
      server.stubFor(post("/v2/index.php").willReturn(okJson(
          "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1,\"task_id\":" + taskId + "}}")));
      // when
      Submission s = refresh(List.of("https://www.test.com/1.jpg")).batch().submit();
      // then
      assertEquals(taskId.replace("\"", ""), s.tasks().get(0).taskId());
    }
  }

  @Test
  void failureOnRequestTwoOfThreeKeepsTaskOneAndReportsTheUnsentUrls() {
    // given: the first request succeeds, the second gets HTTP 503
    server.stubFor(post("/v2/index.php").inScenario("k").whenScenarioStateIs("Started")
        .willReturn(okJson(SUCCESS)).willSetStateTo("second"));
    server.stubFor(post("/v2/index.php").inScenario("k").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(503).withBody("busy")));
    List<String> urls = awkwardUrls(2500);
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh(urls).batch().submit());
    // then
    assertEquals(1, e.tasks().size());
    assertEquals(urls.subList(0, 1000), e.tasks().get(0).urls());
    assertEquals(urls.subList(1000, 2000), e.failedUrls());
    assertEquals(urls.subList(2000, 2500), e.unsentUrls());
    assertTrue(e.getMessage().contains("request 2 of 3"), e.getMessage());
    assertTrue(e.getMessage().contains("(after 4 attempts)"), e.getMessage());
    server.verify(1 + 1 + Refresh.DEFAULT_RETRIES, postRequestedFor(anyUrl()));
  }

  @Test
  void aRefusalOnRequestTwoAlsoKeepsTaskOne() {
    // given
    server.stubFor(post("/v2/index.php").inScenario("r").whenScenarioStateIs("Started")
        .willReturn(okJson(SUCCESS)).willSetStateTo("second"));
    server.stubFor(post("/v2/index.php").inScenario("r").whenScenarioStateIs("second")
        .willReturn(okJson("{\"code\":4000,\"message\":\"(9003)参数错误\",\"codeDesc\":\"9003\"}")));
    List<String> urls = awkwardUrls(2500);
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh(urls).batch().submit());
    // then
    assertEquals(2, e.requestNumber());
    assertEquals(1, e.tasks().size());
    assertEquals(1000, e.failedUrls().size());
    assertEquals(500, e.unsentUrls().size());
  }

  @Test
  void aTimeoutIsNoUsableAnswerThatMayHaveReachedTheService() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS).withFixedDelay(3000)));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh(List.of("https://www.test.com/1.jpg"))
        .timeout(java.time.Duration.ofMillis(200)).batch().submit());
    // then
    assertTrue(e.mayHaveReachedService());
    assertTrue(e.statusCode().isEmpty());
  }

  @Test
  void aRefusedConnectionIsNoUsableAnswerThatDidNotReachTheService() throws Exception {
    // given: a loopback port nobody listens on
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // when
    int closed = port;
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> Refresh.urls("https://www.test.com/1.jpg").api(Api.V2)
        .credentials("AKIDx", "key").endpoint("http://127.0.0.1:" + closed + "/v2/index.php")
        .with(it -> it.sleeper = wait -> { }).batch().submit());
    // then
    assertFalse(e.mayHaveReachedService());
    assertTrue(e.getMessage().contains("did not reach"), e.getMessage());
  }

  @Test
  void anHttpClientOfTheCallersOwnIsUsed() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // when
    Submission s = refresh(List.of("https://www.test.com/1.jpg")).httpClient(client).batch().submit();
    // then
    assertEquals(1, s.tasks().size());
  }

  @Test
  void credentialsComeFromTheEnvironmentWhenNotGiven() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    Refresh fromEnvironment = Refresh.urls("https://www.test.com/1.jpg").api(Api.V2).endpoint(server.url("/v2/index.php"))
        .environment(Map.of("TENCENTCLOUD_SECRET_ID", SignatureCheck.SECRET_ID,
            "TENCENTCLOUD_SECRET_KEY", SignatureCheck.SECRET_KEY));
    // when
    Submission s = fromEnvironment.batch().submit();
    // then
    assertEquals(1, s.tasks().size());
  }

  @Test
  void aSessionTokenIsSentSignedAndNeverShown() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    String token = "sessionTokenEXAMPLE+/=";
    Refresh refresh = refresh(List.of("https://www.test.com/1.jpg"))
        .credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY, token);
    // when
    refresh.batch().submit();
    String texts = refresh + "\n" + refresh.batch().dryRun();
    // then: the server's signature check covered it (found by its text: a delayed request of an earlier test may be
    // journaled late, as WireMock records a request once it is answered)
    assertEquals(token, SignatureCheck.parameters(server.findAll(postRequestedFor(anyUrl())
        .withRequestBody(containing("sessionTokenEXAMPLE"))).get(0)).get("Token"));
    assertFalse(texts.contains(token), texts);
  }

  @Test
  void aSessionTokenComesFromTheEnvironmentWithTheKeys() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    // when
    Refresh.urls("https://www.test.com/1.jpg").api(Api.V2).endpoint(server.url("/v2/index.php"))
        .environment(Map.of("TENCENTCLOUD_SECRET_ID", SignatureCheck.SECRET_ID,
            "TENCENTCLOUD_SECRET_KEY", SignatureCheck.SECRET_KEY, "TENCENTCLOUD_SECURITY_TOKEN", "tok"))
        .batch().submit();
    // then
    assertEquals("tok", SignatureCheck.parameters(server.findAll(postRequestedFor(anyUrl())
        .withRequestBody(containing("Token=tok"))).get(0)).get("Token"));
  }

  @Test
  void missingCredentialsNameBothVariablesAndNothingIsSent() {
    // given
    Plan plan = Refresh.urls("https://www.test.com/1.jpg").api(Api.V2).endpoint(server.url("/v2/index.php"))
        .environment(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDonly")).batch();
    // when
    MissingCredentialsException e = assertThrows(MissingCredentialsException.class, plan::submit);
    // then
    assertTrue(e.getMessage().contains("TENCENTCLOUD_SECRET_ID") && e.getMessage().contains("TENCENTCLOUD_SECRET_KEY"));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void missingCredentialsListEveryUrlAsUnsent() {
    // given
    Plan plan = Refresh.urls("https://www.test.com/1.jpg", "https://www.test.com/2.jpg").api(Api.V2)
        .endpoint(server.url("/v2/index.php")).environment(Map.of()).batch();
    // when
    MissingCredentialsException e = assertThrows(MissingCredentialsException.class, plan::submit);
    // then
    assertEquals(plan.urls(), e.unsentUrls());
  }

  @Test
  void aListenerThatThrowsStopsTheJobWithEverythingAccountedFor() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SUCCESS)));
    List<String> urls = awkwardUrls(2500);
    // when
    StoppedException e = assertThrows(StoppedException.class, () -> refresh(urls).batch().submit(task -> {
      throw new IllegalStateException("journal disk full");
    }));
    // then
    assertEquals(1, e.tasks().size());
    assertEquals(urls.subList(1000, 2500), e.unsentUrls());
    assertTrue(e.failedUrls().isEmpty());
    assertEquals("journal disk full", e.getCause().getMessage());
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void theSecretKeyAppearsInNoTextTheLibraryProduces() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(500).withBody("oops")));
    Refresh refresh = refresh(awkwardUrls(3));
    Plan plan = refresh.batch();
    // when
    String texts = refresh + "\n" + plan + "\n" + plan.dryRun() + "\n"
        + assertThrows(NoAnswerException.class, plan::submit).getMessage();
    // then
    assertFalse(texts.contains(SignatureCheck.SECRET_KEY), texts);
    assertFalse(texts.contains(SignatureCheck.SECRET_ID), "the SecretId is shown masked only: " + texts);
    assertTrue(texts.contains(Texts.maskId(SignatureCheck.SECRET_ID)));
    assertTrue(texts.contains("Signature=<redacted>"));
  }

  @Test
  void aDryRunSignsEveryRequestAndSendsNothing() {
    // when
    DryRun dryRun = refresh(awkwardUrls(2500)).batch().dryRun();
    // then
    assertEquals(3, dryRun.requests().size());
    assertEquals(2500, dryRun.urlCount());
    assertTrue(dryRun.requests().stream().allMatch(r -> r.bytes() <= Refresh.MAX_POST_BYTES));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aLargeDryRunSignedOnSeveralCoresKeepsThePlansOrder() {
    // given: enough requests for the dry run to go parallel
    List<String> urls = awkwardUrls(5000);
    Plan plan = refresh(urls).batch(100);
    // when
    DryRun dryRun = plan.dryRun();
    // then
    assertEquals(50, dryRun.requests().size());
    for (int i = 0; i < 50; i++) {
      DryRun.Request request = dryRun.requests().get(i);
      assertEquals(i + 1, request.number());
      assertTrue(request.preview().contains("urls.0=" + urls.get(i * 100) + "&"), request.preview());
    }
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void eachStepReturnsANewValueAndLeavesTheOldOneAsItWas() {
    // given
    Refresh base = refresh(awkwardUrls(20));
    // when
    Refresh get = base.method(HttpMethod.GET);
    // then
    assertNotEquals(base.toString(), get.toString());
    assertTrue(base.batch().toString().contains("POST requests"));
    assertTrue(get.batch().toString().contains("GET requests"));
  }
}
