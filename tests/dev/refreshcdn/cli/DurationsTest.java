package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** --timeout as a person types it, and durations in messages as a person would type them. */
class DurationsTest {
  @Test
  void readsUnitsBareSecondsAndIso8601() {
    // then
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
    assertEquals(Duration.ofSeconds(45), Durations.parse(" 45 "));
    assertEquals(Duration.ofSeconds(90), Durations.parse("PT1M30S"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("pt1m30s"));
  }

  @Test
  void anythingElseIsRefusedNamingTheValue() {
    // then
    for (String bad : new String[] {"", "s", "30 s", "1.5m", "1.5ms", "1.2345s", "30sec", "-1s", "1d", "P"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
      assertEquals("expected a duration such as 30s, 2m, 500ms or PT1M30S: " + bad, e.getMessage());
    }
  }

  @Test
  void messagesWriteDurationsAsTheyAreTypedNeverAsIso8601() {
    // then
    assertEquals("10m", Durations.format(Duration.ofMinutes(10)));
    assertEquals("1s", Durations.format(Duration.ofSeconds(1)));
    assertEquals("500ms", Durations.format(Duration.ofMillis(500)));
    assertEquals("1h", Durations.format(Duration.ofHours(1)));
    assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("2h5m1.25s", Durations.format(Duration.parse("PT2H5M1.25S")));
    assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
    assertEquals("0s", Durations.format(Duration.ZERO));
  }

  @Test
  void whatIsWrittenReadsBackAsTheSameDuration() {
    for (Duration d : new Duration[] {Duration.ofMinutes(10), Duration.ofMillis(1500), Duration.ofHours(25),
        Duration.ofSeconds(3599)}) {
      assertEquals(d, Durations.parse(Durations.format(d)), d::toString);
    }
  }
}
