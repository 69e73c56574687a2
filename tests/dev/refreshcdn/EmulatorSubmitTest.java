package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library against our own emulator of the service: what it sends is what the service accepts. */
class EmulatorSubmitTest {
  private static final String ID = "AKIDemulatorLIBRARY0001";
  private static final String KEY = "emulatorLibrarySecretKey";

  private Emulator emulator;

  @BeforeEach
  void start() {
    emulator = Emulator.builder().account(ID, KEY, "www.test.com", "img.test.com").dailyUrlQuota(6000).start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Refresh refresh(List<String> urls) {
    return Refresh.urls(urls).api(Api.V2).credentials(ID, KEY).endpoint(emulator.endpoint()).with(it -> it.sleeper = wait -> { });
  }

  @Test
  void twentyFiveHundredAwkwardUrlsLandOnceEachInThreeTasks() {
    // given
    List<String> urls = SubmitTest.awkwardUrls(2500);
    // when
    Submission s = refresh(urls).batch().submit();
    // then
    assertEquals(3, s.tasks().size());
    List<String> recorded = new ArrayList<>();
    for (RecordedRequest request : emulator.requests()) {
      assertTrue(request.accepted(), request.toString());
      recorded.addAll(request.urls());
    }
    assertEquals(urls, recorded);
    assertEquals(s.tasks().get(0).taskId(), emulator.requests().get(0).taskId().orElseThrow());
  }

  @Test
  void getWithHmacSha256IsAccepted() {
    // when
    Submission s = refresh(SubmitTest.awkwardUrls(300)).method(HttpMethod.GET)
        .signatureMethod(SignatureMethod.HmacSHA256).batch(100).submit();
    // then
    assertEquals(3, s.tasks().size());
    assertTrue(emulator.requests().stream().allMatch(r -> r.accepted() && r.method().equals("GET")));
  }

  @Test
  void exactlyOneThousandUrlsInOneRequestAreAccepted() {
    // given: the official Node SDK loses keys past the 1000th form key and fails here
    List<String> urls = SubmitTest.awkwardUrls(1000);
    // when
    Submission s = refresh(urls).batch().submit();
    // then
    assertEquals(1, s.tasks().size());
    assertEquals(1000, s.tasks().get(0).count());
    assertEquals(urls, emulator.requests().get(0).urls());
  }

  @Test
  void anUnknownDomainIsRefusedWith9110() {
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> refresh(List.of("https://not-mine.example.com/1.jpg")).batch().submit());
    // then
    assertEquals("4000", e.code());
    assertEquals("9110", e.codeDesc());
    assertTrue(e.message().startsWith("(9110)"), e.message());
  }

  @Test
  void aWrongKeyIsRefusedWith4100() {
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> Refresh.urls("https://www.test.com/1.jpg").api(Api.V2)
        .credentials(ID, "wrong-key").endpoint(emulator.endpoint()).batch().submit());
    // then
    assertEquals("4100", e.code());
  }

  @Test
  void theDailyQuotaStopsTheJobWithEverythingAccountedFor() {
    // given: 6000 URLs a day and a job of 7000
    List<String> urls = SubmitTest.awkwardUrls(7000);
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> refresh(urls).batch().submit());
    // then: the service's 22044 stops the job like the local count would, nothing lost
    assertTrue(e.getMessage().contains("22044"), e.getMessage());
    assertEquals(6, e.tasks().size());
    assertEquals(urls.subList(6000, 7000), e.failedUrls());
    assertTrue(e.unsentUrls().isEmpty());
    assertEquals(1000, e.pendingUrls());
  }

  @Test
  void twoServiceUnavailableAnswersAreRetriedAndEveryUrlLandsOnce() {
    // given
    emulator.failNext(2, 503);
    List<String> urls = SubmitTest.awkwardUrls(6000);
    // when
    Submission s = refresh(urls).batch().submit();
    // then
    assertEquals(6, s.tasks().size());
    List<String> recorded = new ArrayList<>();
    emulator.requests().forEach(r -> recorded.addAll(r.urls()));
    assertEquals(urls, recorded);
    assertEquals(8, emulator.requests().size());
  }

  @Test
  void serviceUnavailableUntilTheRetriesAreSpentIsNoUsableAnswer() {
    // given
    emulator.failNext(1 + Refresh.DEFAULT_RETRIES, 503);
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit());
    // then
    assertEquals(503, e.statusCode().getAsInt());
    assertEquals(1 + Refresh.DEFAULT_RETRIES, emulator.requests().size());
  }

  @Test
  void aDroppedConnectionIsRetriedWithAFreshSignature() {
    // given
    emulator.dropNext(1);
    // when
    Submission s = refresh(List.of("https://www.test.com/1.jpg")).batch().submit();
    // then: the resend was not taken for a replay of the first
    assertEquals(1, s.tasks().size());
    assertEquals(2, emulator.requests().size());
    assertTrue(emulator.requests().get(0).fault().isPresent());
    assertTrue(emulator.requests().get(1).accepted());
  }

  @Test
  void droppedConnectionsUntilTheRetriesAreSpentMayHaveReachedTheService() {
    // given
    emulator.dropNext(1 + Refresh.DEFAULT_RETRIES);
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit());
    // then
    assertTrue(e.mayHaveReachedService());
    assertFalse(e.statusCode().isPresent());
  }

  @Test
  void aMalformedBodyIsNoUsableAnswer() {
    // given
    emulator.malformedNext(1);
    // when / then
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg")).batch().submit());
    assertEquals(200, e.statusCode().getAsInt());
  }
}
