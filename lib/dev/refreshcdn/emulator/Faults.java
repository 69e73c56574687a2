package dev.refreshcdn.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/** Faults queued by a test, consumed one per request in the order they were queued; thread-safe. */
final class Faults {
  enum Kind { STATUS, DROP, MALFORMED }

  static final class Fault {
    final Kind kind;
    final int status;

    Fault(Kind kind, int status) {
      this.kind = kind;
      this.status = status;
    }

    String describe() {
      switch (kind) {
        case STATUS:
          return "HTTP " + status;
        case DROP:
          return "dropped";
        default:
          return "malformed";
      }
    }
  }

  private final Deque<Fault> queue = new ArrayDeque<>();
  private volatile Duration delay = Duration.ZERO;

  synchronized void add(int count, Kind kind, int status) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    for (int i = 0; i < count; i++) {
      queue.addLast(new Fault(kind, status));
    }
  }

  synchronized Optional<Fault> poll() {
    return Optional.ofNullable(queue.pollFirst());
  }

  void delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    this.delay = delay;
  }

  Duration delay() {
    return delay;
  }
}
