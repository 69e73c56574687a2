package dev.refreshcdn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Time that only the test moves: one clock for the client's signatures and the emulator's tasks (quota days, task
 * completion), a ticker for pacing and deadlines, and a sleeper that records each wait and moves both instead of
 * sleeping. The one test clock of every package: public for the emulator's tests.
 */
public final class FakeTime extends Clock {
  private volatile Instant now;
  private volatile long nanos;
  /** Every wait asked of the sleeper, in order. */
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeTime(Instant start) {
    this.now = start;
  }

  public FakeTime(String instant) {
    this(Instant.parse(instant));
  }

  public static FakeTime at(String instant) {
    return new FakeTime(instant);
  }

  void sleep(Duration wait) {
    sleeps.add(wait);
    advance(wait);
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
    nanos += duration.toNanos();
  }

  /** Moves the clock to {@code instant}; the ticker, which only goes forward, does not move. */
  public void set(Instant instant) {
    now = instant;
  }

  long nanos() {
    return nanos;
  }

  /** {@code refresh} signing, pacing, retrying and waiting on this time; jitter at its largest, so waits are exact. */
  Refresh on(Refresh refresh) {
    return refresh.with(it -> it.clock = this).with(it -> it.sleeper = this::sleep).with(it -> it.ticker = this::nanos).with(it -> it.jitter = () -> 1.0);
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
    return now;
  }
}
