package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is retried, how long it waits (recorded, not slept), and what is never tried twice. */
class RetryTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck())).build();

  private final List<Duration> waits = new ArrayList<>();
  /** A fake clock for pacing and retry budgets that only the sleeper moves: no test really sleeps. */
  private long nanos;

  private void sleep(Duration wait) {
    waits.add(wait);
    nanos += wait.toNanos();
  }

  private Refresh refresh() {
    return refresh(List.of("https://www.test.com/1.jpg"));
  }

  private Refresh refresh(List<String> urls) {
    return Refresh.urls(urls)
        .credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php"))
        .sleeper(this::sleep)
        .ticker(() -> nanos)
        .jitter(() -> 1.0); // the longest wait full jitter allows, so the bounds are exact
  }

  /** The first {@code failures} requests get {@code failure}, then the service accepts. */
  private static void failThenSucceed(int failures, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
    String state = "Started";
    for (int i = 1; i <= failures; i++) {
      server.stubFor(post("/v2/index.php").inScenario("retry").whenScenarioStateIs(state)
          .willReturn(failure).willSetStateTo("failed " + i));
      state = "failed " + i;
    }
    server.stubFor(post("/v2/index.php").inScenario("retry").whenScenarioStateIs(state)
        .willReturn(okJson(SubmitTest.SUCCESS)));
  }

  @Test
  void serviceUnavailableThenOkIsRetriedWithExponentialBackoff() {
    // given
    failThenSucceed(2, aResponse().withStatus(503).withBody("busy"));
    // when
    Submission s = refresh().batch().submit();
    // then
    assertEquals(1, s.tasks().size());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    server.verify(3, postRequestedFor(anyUrl()));
  }

  @Test
  void eachAttemptIsSignedAnewWithAFreshNonce() {
    // given
    failThenSucceed(1, aResponse().withStatus(502));
    // when
    refresh().batch().submit();
    // then
    var requests = server.findAll(postRequestedFor(anyUrl()));
    assertNotEquals(SignatureCheck.parameters(requests.get(0)).get("Nonce"), SignatureCheck.parameters(requests.get(1)).get("Nonce"));
  }

  @Test
  void tooManyRequestsWaitsAtLeastWhatRetryAfterAsks() {
    // given
    failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "7"));
    // when
    refresh().batch().submit();
    // then
    assertEquals(List.of(Duration.ofSeconds(7)), waits);
  }

  @Test
  void aRetryAfterBeyondTheTimeBoundGivesUpAtOnce() {
    // given
    failThenSucceed(1, aResponse().withStatus(429).withHeader("Retry-After", "600"));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh().batch().submit());
    // then
    assertEquals(429, e.statusCode().getAsInt());
    assertTrue(waits.isEmpty());
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void aConnectionResetIsRetried() {
    // given
    failThenSucceed(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    // when
    Submission s = refresh().batch().submit();
    // then
    assertEquals(1, s.tasks().size());
    server.verify(2, postRequestedFor(anyUrl()));
  }

  @Test
  void aBadSignatureIsTriedExactlyOnce() {
    // given: the server checks signatures and this key is wrong
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh()
        .credentials(SignatureCheck.SECRET_ID, "wrong").batch().submit());
    // then
    assertEquals("4100", e.code());
    server.verify(1, postRequestedFor(anyUrl()));
    assertTrue(waits.isEmpty());
  }

  @Test
  void anUnknownDomainIsTriedExactlyOnce() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(
        "{\"code\":4000,\"message\":\"(9110)没有这个域名的信息 cdn no such host\",\"codeDesc\":\"9110\"}")));
    // when
    assertThrows(RefusedException.class, () -> refresh().batch().submit());
    // then
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void theServicesTooFrequentCodeIsRetried() {
    // given
    failThenSucceed(1, okJson("{\"code\":4000,\"message\":\"(9163)操作太频繁 too frequent\",\"codeDesc\":\"InvalidParameter\"}"));
    // when
    Submission s = refresh().batch().submit();
    // then
    assertEquals(1, s.tasks().size());
    server.verify(2, postRequestedFor(anyUrl()));
  }

  @Test
  void aBusyRefusalThatLastsIsReportedAsTheRefusal() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson("{\"code\":6000,\"message\":\"internal error\",\"codeDesc\":\"InternalError\"}")));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh().batch().submit());
    // then
    assertEquals("6000", e.code());
    server.verify(1 + Refresh.DEFAULT_RETRIES, postRequestedFor(anyUrl()));
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
  }

  @Test
  void noRetriesMeansOneAttempt() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(503)));
    // when
    assertThrows(NoAnswerException.class, () -> refresh().retries(0).batch().submit());
    // then
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void aMalformedBodyIsNotRetried() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson("<html>")));
    // when
    assertThrows(NoAnswerException.class, () -> refresh().batch().submit());
    // then
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void requestsArePacedToTheCallRate() {
    // given: 3 requests at 60 a minute, one a second, on a clock that stands still between them
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    // when
    refresh(SubmitTest.awkwardUrls(3)).callsPerMinute(60).batch(1).submit();
    // then
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
  }

  @Test
  void callsPerMinuteOutsideItsRangeNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refresh().callsPerMinute(0));
    assertEquals("calls per minute must be between 1 and 60000: 0", e.getMessage());
  }

  @Test
  void aRetryWaitCountsTowardsThePace() {
    // given: a 1-second pace and a retry whose backoff already waits that second
    failThenSucceed(1, aResponse().withStatus(503));
    // when
    refresh().callsPerMinute(60).batch().submit();
    // then: no extra pacing wait before the retry
    assertEquals(List.of(Duration.ofSeconds(1)), waits);
  }

  @Test
  void retriesOutsideZeroToHundredNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refresh().retries(-1));
    assertEquals("retries must be between 0 and 100: -1", e.getMessage());
  }
}
