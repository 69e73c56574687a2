package dev.refreshcdn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand, shared by the library and the emulator, so quota days pass without waiting. */
final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  ManualClock(String instant) {
    this.now = new AtomicReference<>(Instant.parse(instant));
  }

  void advance(Duration duration) {
    now.updateAndGet(i -> i.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
