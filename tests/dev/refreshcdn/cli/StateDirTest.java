package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where state is kept: --state-dir, else $HOME/.refresh-cdn (never user.home), and how a resume is spelled. */
class StateDirTest {
  private static final Map<String, String> HOME = Map.of("HOME", "/home/ci");

  @Test
  void theDefaultIsUnderTheHomeVariable() {
    assertEquals(Path.of("/home/ci/.refresh-cdn"), StateDir.forSubmission(null, false, HOME));
    assertNull(StateDir.forSubmission(null, false, Map.of()), "user.home is never used");
  }

  @Test
  void aDryRunOrTheEmulatorKeepsNoStateUnlessADirectoryIsGiven() {
    assertNull(StateDir.forSubmission(null, true, HOME));
    assertEquals(Path.of("/tmp/state"), StateDir.forSubmission(Path.of("/tmp/state"), true, HOME));
  }

  @Test
  void commandsThatReadStateNeedADirectory() {
    UsageException e = assertThrows(UsageException.class, () -> StateDir.required(null, Map.of()));
    assertEquals("HOME is not set, so there is no default state directory: pass --state-dir DIR", e.getMessage());
  }

  @Test
  void theResumeCommandNamesTheDirectoryOnlyWhenItIsNotTheDefault() {
    assertEquals("refresh-cdn resume 20261127-231502-3f9a",
        StateDir.resumeCommand("20261127-231502-3f9a", Path.of("/home/ci/.refresh-cdn"), HOME));
    assertEquals("refresh-cdn resume j1 --state-dir /tmp/state",
        StateDir.resumeCommand("j1", Path.of("/tmp/state"), HOME));
    assertEquals("refresh-cdn resume j1 --state-dir '/tmp/my state'",
        StateDir.resumeCommand("j1", Path.of("/tmp/my state"), HOME));
  }
}
