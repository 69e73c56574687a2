package dev.refreshcdn;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The argument checks of the builder's setters, each message naming the option and the value given. */
final class Checks {
  private Checks() {}

  static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }

  static int between(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ": " + value);
    }
    return value;
  }

  static int positive(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }

  /**
   * The entries as text, unmodifiable. Not List.copyOf: a null entry is reported with its position when the
   * input is checked, not thrown here.
   */
  static List<String> texts(Collection<? extends CharSequence> entries) {
    // One bulk copy where the collection has one (the CLI's input does: a million entries in 10 ms, not 50 ms).
    Object[] copy = entries.toArray();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = copy[i] == null ? null : copy[i].toString();
    }
    @SuppressWarnings("unchecked") // every element is now a String or null
    List<String> texts = (List<String>) (List<?>) Arrays.asList(copy);
    return Collections.unmodifiableList(texts);
  }
}
