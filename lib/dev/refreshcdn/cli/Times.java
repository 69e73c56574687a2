package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Beijing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times as the command line reads and writes them: ISO instants, and the service's Beijing wall-clock time. */
final class Times {

  private Times() {}

  /**
   * Reads a point in time: an ISO instant ({@code 2026-11-27T08:00:00Z}), an ISO time with an offset, or the
   * service's own {@code yyyy-MM-dd HH:mm:ss} (or {@code yyyy-MM-dd}) taken as Beijing time.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  static Instant parse(String value) {
    String text = value.strip();
    try {
      if (text.contains("T")) {
        return text.endsWith("Z") || text.endsWith("z") ? Instant.parse(text.toUpperCase(java.util.Locale.ROOT))
            : OffsetDateTime.parse(text).toInstant();
      }
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(Beijing.ZONE);
      }
      return LocalDateTime.parse(text, Beijing.WALL).toInstant(Beijing.ZONE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected an ISO instant such as 2026-11-27T08:00:00Z or a Beijing time "
          + "such as \"2026-11-27 16:00:00\": " + value);
    }
  }

  /** {@code yyyy-MM-dd HH:mm:ss} in {@code zone}. */
  static String wall(Instant time, ZoneId zone) {
    return Beijing.WALL.format(time.atZone(zone));
  }

  /** A time in both the user's zone and Beijing, e.g. {@code 2026-11-28 00:00:00 Beijing time (2026-11-27 17:00:00 Europe/Berlin)}. */
  static String both(Instant time, ZoneId local) {
    String beijing = wall(time, Beijing.ZONE) + " Beijing time";
    if (local.getRules().getOffset(time).equals(Beijing.ZONE)) {
      return beijing + " (also local time)";
    }
    return beijing + " (" + wall(time, local) + " local time, " + local.getId() + ")";
  }

  /** A duration as a clock reads it: {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
  static String clock(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }
}
