package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** --timeout as a person types it. */
class DurationsTest {
  @Test
  void readsUnitsBareSecondsAndIso8601() {
    // then
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
    assertEquals(Duration.ofSeconds(45), Durations.parse(" 45 "));
    assertEquals(Duration.ofSeconds(90), Durations.parse("PT1M30S"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("pt1m30s"));
  }

  @Test
  void anythingElseIsRefusedNamingTheValue() {
    // then
    for (String bad : new String[] {"", "s", "30 s", "1.5s", "30sec", "-1s", "1d", "P"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
      assertEquals("expected a duration such as 30s, 2m, 500ms or PT1M30S: " + bad, e.getMessage());
    }
  }
}
