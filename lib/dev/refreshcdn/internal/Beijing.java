package dev.refreshcdn.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The service's time: Beijing (UTC+8, no daylight saving) for its quota day and its task times. The quota day
 * being a Beijing calendar day is the reference's natural reading; it leaves it unverified.
 */
public final class Beijing {
  /** UTC+8. */
  public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
  /** The service's wall-clock form, {@code yyyy-MM-dd HH:mm:ss} (no zone: apply one, or use {@link #wall}). */
  public static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Beijing() {}

  /** The quota day {@code instant} falls in. */
  public static LocalDate day(Instant instant) {
    return instant.atOffset(ZONE).toLocalDate();
  }

  /** The next midnight in Beijing after {@code instant}: when the quota of its day returns. */
  public static Instant quotaReturns(Instant instant) {
    return day(instant).plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** {@code instant} as the service writes times: {@code yyyy-MM-dd HH:mm:ss} in Beijing. */
  public static String wall(Instant instant) {
    return WALL.format(instant.atOffset(ZONE));
  }
}
