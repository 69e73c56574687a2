package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Plan.DryRun;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same fluent API over API 3.0: PurgeUrlsCache, signed with TC3-HMAC-SHA256. */
class V3SubmitTest {
  private static final String ID = "AKIDv3EXAMPLEEXAMPLE0001";
  private static final String KEY = "v3SecretKeyEXAMPLE";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** The purge requests the server received, without the DescribePurgeQuota asked before them. */
  private static List<LoggedRequest> purgeRequests() {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("PurgeUrlsCache")));
  }

  @Test
  void sendsTheExactHeadersAndBodyTheOfficialSignerAccepts() throws Exception {
    // given
    server.stubFor(post("/").willReturn(okJson("{\"Response\":{\"TaskId\":\"1533045796-i60rfmzm\",\"RequestId\":\"r-1\"}}")));
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1551113065), ZoneOffset.UTC);
    // when
    Submission s = Refresh.urls("https://www.test.com/图片 1.jpg".replace(" ", "%20"), "https://www.test.com/a?b=1&c=+")
        .api(Api.V3).credentials(ID, KEY, "session+token/=").endpoint(server.url("/")).with(it -> it.clock = clock)
        .batch().submit();
    // then
    assertEquals("1533045796-i60rfmzm", s.tasks().get(0).taskId());
    assertEquals(2, s.tasks().get(0).count());
    server.verify(postRequestedFor(urlEqualTo("/"))
        // Jetty upper-cases the charset it reports; the bytes sent, and signed, are "utf-8", which the
        // emulator (reading the raw header) checks in theEmulatorAccepts… below.
        .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
        .withHeader("X-TC-Action", equalTo("PurgeUrlsCache"))
        .withHeader("X-TC-Version", equalTo("2018-06-06"))
        .withHeader("X-TC-Timestamp", equalTo("1551113065"))
        .withHeader("X-TC-Token", equalTo("session+token/="))
        .withHeader("X-TC-Region", absent()));
    LoggedRequest request = purgeRequests().get(0);
    assertEquals("{\"Urls\":[\"https://www.test.com/图片%201.jpg\",\"https://www.test.com/a?b=1&c=+\"]}",
        request.getBodyAsString());
    String expected = OfficialTc3Signer.authorization(ID, KEY, "cdn", request.getHeader("Host"),
        "application/json; charset=utf-8", request.getBody(), 1551113065);
    assertEquals(expected, request.getHeader("Authorization"));
  }

  @Test
  void areaAndUrlEncodeGoInTheBody() {
    // given
    server.stubFor(post("/").willReturn(okJson("{\"Response\":{\"TaskId\":\"t\",\"RequestId\":\"r\"}}")));
    // when
    Refresh.urls("https://www.test.com/1.jpg").api(Api.V3).credentials(ID, KEY).endpoint(server.url("/"))
        .area(Area.OVERSEAS).urlEncode().batch().submit();
    // then
    assertEquals("{\"Urls\":[\"https://www.test.com/1.jpg\"],\"Area\":\"overseas\",\"UrlEncode\":true}",
        purgeRequests().get(0).getBodyAsString());
  }

  @Test
  void anErrorEnvelopeIsARefusalWithItsCodeAndRequestId() {
    // given
    server.stubFor(post("/").willReturn(okJson("{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.CdnHostNotExists\","
        + "\"Message\":\"no such host\"},\"RequestId\":\"4d5a83f8\"}}")));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> Refresh.urls("https://x.test.com/1.jpg")
        .api(Api.V3).credentials(ID, KEY).endpoint(server.url("/")).batch().submit());
    // then
    assertEquals("ResourceNotFound.CdnHostNotExists", e.code());
    assertEquals("no such host", e.message());
    assertEquals("4d5a83f8", e.requestId().orElseThrow());
    assertTrue(e.getMessage().contains("RequestId 4d5a83f8"), e.getMessage());
  }

  @Test
  void throttlingIsRetriedAndAuthFailuresAreNot() {
    // given
    server.stubFor(post("/").inScenario("t").whenScenarioStateIs("Started").willSetStateTo("ok")
        .willReturn(okJson("{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow down\"},\"RequestId\":\"a\"}}")));
    server.stubFor(post("/").inScenario("t").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"Response\":{\"TaskId\":\"t2\",\"RequestId\":\"b\"}}")));
    // when
    Submission s = Refresh.urls("https://www.test.com/1.jpg").api(Api.V3).credentials(ID, KEY)
        .endpoint(server.url("/")).with(it -> it.sleeper = wait -> { }).batch().submit();
    // then
    assertEquals("t2", s.tasks().get(0).taskId());
    assertTrue(ServiceCodes.busy("RequestLimitExceeded.UinLimitExceeded"));
    assertTrue(ServiceCodes.busy("UnauthorizedOperation.OperationTooOften"));
    assertFalse(ServiceCodes.busy("AuthFailure.SignatureFailure"));
    assertFalse(ServiceCodes.busy("LimitExceeded.CdnPurgeUrlExceedDayLimit"));
  }

  @Test
  void theEmulatorAcceptsTwentyFiveHundredUrlsAsThreePurgeRequests() {
    try (Emulator emulator = Emulator.builder().account(ID, KEY, "www.test.com", "img.test.com").start()) {
      // given
      List<String> urls = SubmitTest.awkwardUrls(2500);
      // when
      Submission s = Refresh.urls(urls).api(Api.V3).credentials(ID, KEY).endpoint(emulator.endpointV3()).batch().submit();
      // then
      assertEquals(3, s.tasks().size());
      List<String> recorded = new ArrayList<>();
      // the batch size and the quota left are asked first
      assertEquals("DescribePurgeQuota", emulator.requests().get(0).action());
      for (RecordedRequest r : emulator.requests().subList(1, emulator.requests().size())) {
        assertEquals("PurgeUrlsCache", r.action());
        assertTrue(r.accepted(), r.toString());
        recorded.addAll(r.urls());
      }
      assertEquals(urls, recorded);
    }
  }

  @Test
  void theEmulatorRefusesAnUnknownDomainAndAWrongKeyOnce() {
    try (Emulator emulator = Emulator.builder().account(ID, KEY, "www.test.com").start()) {
      Refresh base = Refresh.urls("https://www.test.com/1.jpg").api(Api.V3).endpoint(emulator.endpointV3());
      // when
      RefusedException unknown = assertThrows(RefusedException.class, () -> Refresh.urls("https://else.test.com/1.jpg")
          .api(Api.V3).credentials(ID, KEY).endpoint(emulator.endpointV3()).batch().submit());
      RefusedException wrongKey = assertThrows(RefusedException.class, () -> base.credentials(ID, "wrong").batch().submit());
      // then
      assertEquals("ResourceNotFound.CdnHostNotExists", unknown.code());
      assertEquals("AuthFailure.SignatureFailure", wrongKey.code());
      // the unknown domain: quota asked, purge refused; the wrong key: refused at the quota query, no purge tried
      assertEquals(List.of("DescribePurgeQuota", "PurgeUrlsCache", "DescribePurgeQuota"),
          emulator.requests().stream().map(RecordedRequest::action).toList());
      assertEquals(List.of("https://www.test.com/1.jpg"), wrongKey.unsentUrls());
      assertTrue(wrongKey.getMessage().contains("DescribePurgeQuota"), wrongKey.getMessage());
    }
  }

  @Test
  void oneRefreshSwitchesBackendsOnTheSamePlanOfUrls() throws Exception {
    try (Emulator emulator = Emulator.builder().account(ID, KEY, "www.test.com").start()) {
      // given
      Refresh refresh = Refresh.urls(SubmitTest.awkwardUrls(600)).credentials(ID, KEY);
      List<String> wwwOnly = new ArrayList<>();
      for (String url : refresh.batch().urls()) {
        if (url.contains("www.test.com")) {
          wwwOnly.add(url);
        }
      }
      // when
      Submission v2 = Refresh.urls(wwwOnly).credentials(ID, KEY).api(Api.V2).endpoint(emulator.endpoint()).batch().submit();
      Submission v3 = Refresh.urls(wwwOnly).credentials(ID, KEY).api(Api.V3).endpoint(emulator.endpointV3()).batch().submit();
      // then
      assertEquals(v2.urlCount(), v3.urlCount());
      assertEquals(List.of("RefreshCdnUrl", "DescribePurgeQuota", "PurgeUrlsCache"),
          emulator.requests().stream().map(RecordedRequest::action).toList());
    }
  }

  @Test
  void aDryRunShowsTheActionAndRedactsTheSignature() {
    // when
    DryRun dryRun = Refresh.urls("https://www.test.com/1.jpg").api(Api.V3).credentials(ID, KEY, "tok").batch().dryRun();
    // then
    String text = dryRun.toString();
    assertTrue(text.contains("X-TC-Action: PurgeUrlsCache") && text.contains("Signature=<redacted>"), text);
    assertFalse(text.contains(KEY) || text.contains("tok") || text.contains(ID), text);
    assertEquals(Refresh.DEFAULT_ENDPOINT, dryRun.requests().get(0).endpoint());
  }

  @Test
  void getIsRefusedForApiThreeBeforeAnythingIsSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Refresh.urls("https://www.test.com/1.jpg").api(Api.V3).method(HttpMethod.GET).batch());
    assertTrue(e.getMessage().contains("API 3.0"), e.getMessage());
  }

}
