package dev.refreshcdn.emulator;

import dev.refreshcdn.FakeTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The emulator tests' one setup: before each test an emulator on a clock the test moves by hand and a
 * {@link Wire} that signs with that clock; after it, the emulator closed.
 */
abstract class EmulatorFixture {
  static final String ID = "AKIDexample";
  static final String KEY = "secretKey";
  /** Noon in Beijing: far from the end of the quota day. */
  static final String BEIJING_NOON = "2026-11-27T04:00:00Z";

  final FakeTime clock;
  Emulator emu;
  Wire wire;

  EmulatorFixture() {
    this(BEIJING_NOON);
  }

  EmulatorFixture(String start) {
    this.clock = FakeTime.at(start);
  }

  /** The emulator every test of the class gets (clock added); {@code null} when each test calls {@link #start}. */
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.account(ID, KEY, "www.test.com");
  }

  @BeforeEach
  final void startEmulator() {
    Emulator.Builder builder = configure(Emulator.builder());
    if (builder != null) {
      start(builder);
    }
  }

  final void start(Emulator.Builder builder) {
    emu = builder.clock(clock).start();
    wire = new Wire(emu, clock);
  }

  @AfterEach
  final void closeEmulator() {
    if (emu != null) {
      emu.close();
    }
  }
}
