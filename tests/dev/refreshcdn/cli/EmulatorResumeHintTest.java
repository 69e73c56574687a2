package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job run with {@code --emulator --state-dir DIR} is journaled, but the emulator ends with the run: no resume command
 * is offered that could not work, and the user is told so plainly.
 */
class EmulatorResumeHintTest {
  @Test
  void aQuotaStopAgainstTheEmulatorSaysTheJobCannotBeResumedAndOffersNoResumeCommand(@TempDir Path state) {
    // when
    Cli.Result r = InProcess.refreshCdn("--emulator", "--state-dir", state.toString(), "--daily-quota", "1",
        "https://www.test.com/a", "https://www.test.com/b").run();
    // then
    assertEquals(5, r.exit(), r::toString);
    assertTrue(r.err().contains("cannot be resumed: the emulator it ran against stopped with this run"), r::toString);
    assertFalse(r.err().contains("resume 2"), r::toString);
    assertFalse(r.err().contains("then run"), r::toString);
  }

  @Test
  void aPrefetchQuotaStopAgainstTheEmulatorSaysTheSame(@TempDir Path state) {
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--emulator", "--state-dir", state.toString(), "--daily-quota",
        "1", "https://www.test.com/a", "https://www.test.com/b").run();
    // then
    assertEquals(5, r.exit(), r::toString);
    assertTrue(r.err().contains("cannot be resumed: the emulator it ran against stopped with this run"), r::toString);
    assertFalse(r.err().contains("resume 2"), r::toString);
  }
}
