package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Texts;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as a person types it: 30s, 1.5s, 2m, 500ms, 1h, 1m30s, a bare number of seconds, or ISO-8601; and
 * writes one back the same way for messages.
 */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(?:\\.(\\d{1,3})(?=s))?(ms|s|m|h)");

  private Durations() {}

  /**
   * Reads {@code value}, e.g. {@code 30s} or {@code PT1M30S}.
   *
   * @throws IllegalArgumentException naming the value when it is not a duration
   */
  static Duration parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      if (text.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(text));
      }
      Matcher part = PART.matcher(text);
      Duration sum = Duration.ZERO;
      int end = 0;
      while (part.find() && part.start() == end) {
        long n = Long.parseLong(part.group(1));
        String unit = part.group(3);
        long fraction = part.group(2) == null ? 0 : Long.parseLong((part.group(2) + "00").substring(0, 3));
        sum = sum.plus(unit.equals("ms") ? Duration.ofMillis(n)
            : unit.equals("s") ? Duration.ofMillis(n * 1000 + fraction)
            : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n));
        end = part.end();
      }
      if (end == text.length() && end > 0) {
        return sum;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a duration such as 30s, 2m, 500ms or PT1M30S: " + value);
  }

  /**
   * {@code duration} as a person would type it, and as {@link #parse} reads it back: {@code 10m}, {@code 1m30s},
   * {@code 1.5s}.
   */
  static String format(Duration duration) {
    return Texts.duration(duration);
  }
}
