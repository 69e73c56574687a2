package dev.refreshcdn;

import java.time.Duration;
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
}
