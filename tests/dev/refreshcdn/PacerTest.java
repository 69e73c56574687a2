package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call rate as a window: a small job's requests go at once, and no second ever holds more than the rate. */
class PacerTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck())).build();

  /** A clock that only the sleeper moves; each wait is recorded. */
  private long nanos;
  private final List<Duration> waits = new ArrayList<>();

  private Settings settings(int callsPerMinute) {
    return new Settings().with(s -> {
      s.callsPerMinute = callsPerMinute;
      s.ticker = () -> nanos;
      s.sleeper = wait -> {
        waits.add(wait);
        nanos += wait.toNanos();
      };
    });
  }

  /** When each of {@code count} starts was granted, in nanoseconds of the fake clock. */
  private List<Long> starts(Pacer pacer, int count) throws InterruptedException {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pacer.await();
      starts.add(nanos);
    }
    return starts;
  }

  @Test
  void theDocumentedTwentyASecondLetsTwentyStartAtOnceAndTheNextOneASecondAfterTheFirst() throws Exception {
    // given
    Pacer pacer = new Pacer(settings(1200));
    // when
    List<Long> starts = starts(pacer, 41);
    // then
    assertEquals(0L, starts.get(19));
    assertEquals(1_000_000_000L, starts.get(20));
    assertEquals(1_000_000_000L, starts.get(39));
    assertEquals(2_000_000_000L, starts.get(40));
  }

  @Test
  void noWindowOfASecondEverHoldsMoreThanTheRateWhateverTheRequestsTake() throws Exception {
    // given: 1,200 a minute, and requests that take 0 to 70 ms each
    Pacer pacer = new Pacer(settings(1200));
    List<Long> starts = new ArrayList<>();
    // when
    for (int i = 0; i < 200; i++) {
      pacer.await();
      starts.add(nanos);
      nanos += (i * 7919L % 71) * 1_000_000L;
    }
    // then
    for (int i = 20; i < starts.size(); i++) {
      assertTrue(starts.get(i) - starts.get(i - 20) >= 1_000_000_000L, "start " + i + " within a second of " + (i - 20));
    }
    assertTrue(starts.get(199) < 10_000_000_000L, "paced no more than needed: " + starts.get(199));
  }

  @Test
  void ratesUnderOneASecondSpaceEveryStartByTheirInterval() throws Exception {
    // given: 30 a minute, one every 2 seconds
    Pacer pacer = new Pacer(settings(30));
    // when
    List<Long> starts = starts(pacer, 3);
    // then
    assertEquals(List.of(0L, 2_000_000_000L, 4_000_000_000L), starts);
  }

  @Test
  void anActionsOwnIntervalIsItsRateWithASecondsBurst() throws Exception {
    // given: GetCdnRefreshLog's 1,000 a minute, 60 ms apart on average
    Pacer pacer = new Pacer(settings(1200), Duration.ofMillis(60));
    // when
    List<Long> starts = starts(pacer, 17);
    // then: 16 at once, the 17th 16 intervals after the first
    assertEquals(0L, starts.get(15));
    assertEquals(960_000_000L, starts.get(16));
  }

  @Test
  void aSubmissionOfElevenRequestsAtTheDefaultRateSendsThemWithoutWaiting() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    // when
    Submission submission = Refresh.urls(SubmitTest.awkwardUrls(11)).api(Api.V2)
        .credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php"))
        .with(it -> it.sleeper = wait -> waits.add(wait))
        .batch(1).submit();
    // then
    assertEquals(11, submission.tasks().size());
    server.verify(11, postRequestedFor(anyUrl()));
    assertEquals(List.of(), waits);
  }
}
