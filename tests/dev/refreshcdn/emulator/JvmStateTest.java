package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The emulator leaves the JVM as it found it, and its answers need no JVM-wide switch to come back at once. */
class JvmStateTest extends EmulatorFixture {

  @Test
  void startingAndClosingAnEmulatorChangesNoSystemProperty() {
    // given
    Properties before = (Properties) System.getProperties().clone();
    // when
    try (Emulator other = Emulator.builder().account("AKIDother", "otherKey", "www.test.com").start()) {
      // then
      assertEquals(before, System.getProperties());
    }
    assertEquals(before, System.getProperties());
  }

  @Test
  void everyAnswerClosesItsConnectionSoNoBodyWaitsForADelayedAck() {
    // given: one answer the service gives and one fault
    emu.failNext(1, 503);
    // when
    Wire.Reply faulted = wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
    Wire.Reply served = wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
    // then
    assertEquals(503, faulted.status());
    assertEquals(200, served.status());
    assertEquals(Optional.of("close"), faulted.headers().firstValue("Connection"));
    assertEquals(Optional.of("close"), served.headers().firstValue("Connection"));
  }
}
