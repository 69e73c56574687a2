package dev.refreshcdn;

import dev.refreshcdn.RefreshException.StoppedException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.refreshcdn.Submission.Retry;
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
    return Refresh.urls(urls).api(Api.V2)
        .credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php"))
        .with(it -> it.sleeper = this::sleep)
        .with(it -> it.ticker = () -> nanos)
        .with(it -> it.jitter = () -> 1.0); // the longest wait full jitter allows, so the bounds are exact
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
  void theRetryListenerIsToldOfEachRetryBeforeItsWait() {
    // given
    failThenSucceed(2, aResponse().withStatus(503).withBody("busy"));
    List<Retry> told = new ArrayList<>();
    // when
    refresh().batch().submit(task -> { }, retry -> {
      assertEquals(told.size(), waits.size(), "told before the wait");
      told.add(retry);
    });
    // then
    assertEquals(2, told.size());
    assertEquals(List.of(2, 3), List.of(told.get(0).attempt(), told.get(1).attempt()));
    assertEquals(1, told.get(0).request());
    assertEquals(waits, List.of(told.get(0).delay(), told.get(1).delay()));
    assertTrue(told.get(0).reason().contains("503"), told.get(0).reason());
  }

  @Test
  void aRetryListenerThatThrowsStopsTheJobOnceTheRequestIsSettled() {
    // given
    failThenSucceed(1, aResponse().withStatus(503).withBody("busy"));
    // when
    StoppedException e = assertThrows(StoppedException.class, () -> refresh(SubmitTest.awkwardUrls(1500)).batch()
        .submit(task -> { }, retry -> {
          throw new IllegalStateException("enough");
        }));
    // then: the retried request went through; the second was never sent
    assertEquals(1, e.tasks().size());
    assertEquals(500, e.unsentUrls().size());
    assertTrue(e.getMessage().contains("enough"), e.getMessage());
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
  void anOversizedRequestAnswered501IsNotResent() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(501)));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh().batch().submit());
    // then
    assertEquals(501, e.statusCode().getAsInt());
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void aTimeoutIsRetriedAndCountsAsPerhapsReachedEvenWhenLaterAttemptsCannotConnect() throws Exception {
    // given: the first attempt times out after the server has read it; then the server is gone
    WireMockServer gone = new WireMockServer(wireMockConfig().dynamicPort());
    gone.start();
    gone.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS).withFixedDelay(2000)));
    Refresh refresh = refresh().endpoint(gone.url("/v2/index.php")).timeout(Duration.ofMillis(300))
        .with(it -> it.sleeper = wait -> gone.stop());
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    assertTrue(e.getMessage().contains("(after 4 attempts)"), e.getMessage());
    assertTrue(e.mayHaveReachedService(), e.getMessage());
  }

  @Test
  void aRefusalAfterALostAnswerSaysTheEarlierAttemptMayHaveReachedTheService() {
    // given: the first answer is lost to a timeout, the second refuses the domain
    server.stubFor(post("/v2/index.php").inScenario("q").whenScenarioStateIs("Started").willSetStateTo("spent")
        .willReturn(okJson(SubmitTest.SUCCESS).withFixedDelay(2000)));
    server.stubFor(post("/v2/index.php").inScenario("q").whenScenarioStateIs("spent")
        .willReturn(okJson("{\"code\":4000,\"message\":\"(9110)no such host\",\"codeDesc\":\"9110\"}")));
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> refresh().timeout(Duration.ofMillis(300)).batch().submit());
    // then
    assertTrue(e.earlierAttemptMayHaveReachedService());
    assertTrue(e.getMessage().contains("an earlier attempt of a refused request may have reached the service"),
        e.getMessage());
  }

  @Test
  void anUntrustedCertificateFailsOnceAndNeverReachedTheService() {
    // given: WireMock's self-signed certificate, which the JDK rightly does not trust
    WireMockServer tls = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort());
    tls.start();
    try {
      // when
      NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh()
          .endpoint("https://localhost:" + tls.httpsPort() + "/v2/index.php").batch().submit());
      // then
      assertTrue(e.getMessage().startsWith("no usable answer to request 1 of 1: TLS handshake"), e.getMessage());
      assertFalse(e.mayHaveReachedService());
      assertTrue(waits.isEmpty());
      assertEquals(0, tls.getAllServeEvents().size());
    } finally {
      tls.stop();
    }
  }

  @Test
  void anInterruptDuringBackoffStopsWithTheFlagRestored() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(503)));
    Refresh refresh = refresh().with(it -> it.sleeper = wait -> {
      throw new InterruptedException();
    });
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    assertTrue(Thread.interrupted(), "the interrupt flag is restored (and cleared here)");
    assertTrue(e.getMessage().contains("interrupted while waiting to retry"), e.getMessage());
    server.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void noSingleWaitIsLongerThanTheCapAndTheTimeBoundEndsTheRetries() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(503)));
    // when
    assertThrows(NoAnswerException.class, () -> refresh().retries(100, Duration.ofSeconds(60)).batch().submit());
    // then: 1+2+4+8+16+20 = 51 s, and the next 20 s would pass the minute
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 20L), waits.stream().map(Duration::getSeconds).toList());
  }

  @Test
  void everyBusyCodeIsRetried() {
    for (String busy : List.of(
        "{\"code\":6200,\"message\":\"maintenance\",\"codeDesc\":\"Unavailable\"}",
        "{\"code\":4000,\"message\":\"(9000)system error\",\"codeDesc\":9000}",
        "{\"code\":4000,\"message\":\"(22063)too often\",\"codeDesc\":\"22063\"}",
        "{\"code\":4400,\"message\":\"slow down\",\"codeDesc\":\"RequestLimitExceeded\"}")) {
      // given
      server.resetAll();
      failThenSucceed(1, okJson(busy));
      // when
      Submission s = refresh().batch().submit();
      // then
      assertEquals(1, s.tasks().size(), busy);
      server.verify(2, postRequestedFor(anyUrl()));
    }
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
