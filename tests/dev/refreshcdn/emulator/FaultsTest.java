package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The fault switches: failNext, dropNext, malformedNext and delay. */
class FaultsTest extends EmulatorFixture {
  private static final List<String> ONE = List.of("http://www.test.com/1.jpg");

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.account(ID, KEY, "www.test.com").dailyUrlQuota(1);
  }

  @Test
  void failNextAnswersTheQueuedStatusesInOrderThenServesNormally() {
    // given
    emu.failNext(2, 503).failNext(1, 429);
    // when
    Wire.Reply first = wire.postForm(wire.refresh(ID, ONE), KEY);
    Wire.Reply second = wire.postForm(wire.refresh(ID, ONE), KEY);
    Wire.Reply third = wire.v3("PurgeUrlsCache", "{\"Urls\":[\"http://www.test.com/1.jpg\"]}", ID, KEY);
    Wire.Reply fourth = wire.postForm(wire.refresh(ID, ONE), KEY);
    // then
    assertEquals(503, first.status());
    assertEquals(503, second.status());
    assertEquals(429, third.status());
    assertEquals(Optional.of("1"), third.headers().firstValue("Retry-After"));
    assertEquals(0, fourth.at("code"), "a faulted request is not charged to the quota of 1");
    assertEquals(Optional.of("HTTP 503"), emu.requests().get(0).fault());
    assertEquals("RefreshCdnUrl", emu.requests().get(0).action());
    assertEquals("PurgeUrlsCache", emu.requests().get(2).action());
    assertTrue(emu.requests().get(3).fault().isEmpty());
  }

  @Test
  void dropNextClosesTheConnectionWithoutAnAnswer() {
    // given
    emu.dropNext(1);
    // when
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> wire.postForm(wire.refresh(ID, ONE), KEY));
    Wire.Reply after = wire.postForm(wire.refresh(ID, ONE), KEY);
    // then
    assertFalse(e.getMessage().isEmpty());
    assertEquals(0, after.at("code"));
    assertEquals(Optional.of("dropped"), emu.requests().get(0).fault());
    assertEquals(0, emu.requests().get(0).httpStatus());
  }

  @Test
  void malformedNextAnswers200WithABodyThatIsNotJson() {
    // given
    emu.malformedNext(1);
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, ONE), KEY);
    // then
    assertEquals(200, r.status());
    assertThrows(AssertionError.class, r::json);
    assertFalse(emu.requests().get(0).accepted());
    assertTrue(emu.requests().get(0).taskId().isEmpty());
  }

  @Test
  void delayHoldsEveryAnswerBackUntilSwitchedOff() {
    // given
    emu.delay(Duration.ofMillis(200));
    // when
    long t0 = System.nanoTime();
    Wire.Reply slow = wire.postForm(wire.refresh(ID, ONE), KEY);
    long slowMillis = (System.nanoTime() - t0) / 1_000_000;
    emu.delay(Duration.ZERO);
    Wire.Reply fast = wire.postForm(wire.common("GetCdnRefreshLog", ID), KEY);
    // then
    assertTrue(slowMillis >= 200, "took " + slowMillis + " ms");
    assertEquals(0, slow.at("code"));
    assertEquals(4000, fast.at("code"));
  }

  @Test
  void faultCountsAndStatusesAreValidated() {
    // when / then
    assertThrows(IllegalArgumentException.class, () -> emu.failNext(1, 42));
    assertThrows(IllegalArgumentException.class, () -> emu.dropNext(-1));
    assertThrows(IllegalArgumentException.class, () -> emu.delay(Duration.ofMillis(-1)));
  }
}
