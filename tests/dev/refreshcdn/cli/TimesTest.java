package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** --since/--until as typed, and times shown in both the user's zone and Beijing's. */
class TimesTest {
  @Test
  void readsIsoInstantsAndOffsets() {
    assertEquals(Instant.parse("2026-11-27T08:00:00Z"), Times.parse("2026-11-27T08:00:00Z"));
    assertEquals(Instant.parse("2026-11-27T08:00:00Z"), Times.parse("2026-11-27T09:00:00+01:00"));
  }

  @Test
  void readsTheServicesWallClockAsBeijingTime() {
    assertEquals(Instant.parse("2026-11-27T08:00:00Z"), Times.parse("2026-11-27 16:00:00"));
    assertEquals(Instant.parse("2026-11-26T16:00:00Z"), Times.parse("2026-11-27"));
  }

  @Test
  void somethingElseIsRefusedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Times.parse("yesterday"));
    assertTrue(e.getMessage().endsWith(": yesterday"), e.getMessage());
  }

  @Test
  void showsATimeInBeijingAndLocally() {
    Instant midnightInBeijing = Instant.parse("2026-11-27T16:00:00Z");
    assertEquals("2026-11-28 00:00:00 Beijing time (2026-11-27 17:00:00 local time, Europe/Berlin)",
        Times.both(midnightInBeijing, ZoneId.of("Europe/Berlin")));
    assertEquals("2026-11-28 00:00:00 Beijing time (also local time)",
        Times.both(midnightInBeijing, ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void durationsReadLikeAClock() {
    assertEquals("0:07", Times.clock(Duration.ofSeconds(7)));
    assertEquals("12:34", Times.clock(Duration.ofSeconds(12 * 60 + 34)));
    assertEquals("1:02:03", Times.clock(Duration.ofSeconds(3723)));
  }
}
