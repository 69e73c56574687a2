package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where state is kept: --state-dir, else $HOME/.refresh-cdn (never user.home), and how a resume is spelled. */
class StateDirTest {
  private static final Map<String, String> HOME = Map.of("HOME", "/home/ci");

  @TempDir Path tmp;

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

  @Test
  void aStateDirectoryGivenToReadJobsMustExistAndBeADirectory() throws IOException {
    // given
    Path missing = tmp.resolve("missing");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    // then
    assertEquals(tmp, StateDir.existing(tmp, HOME));
    assertEquals("no state directory " + missing + " (check --state-dir; a job creates it)",
        assertThrows(UsageException.class, () -> StateDir.existing(missing, HOME)).getMessage());
    assertEquals("the state directory " + file + " is not a directory",
        assertThrows(UsageException.class, () -> StateDir.existing(file, HOME)).getMessage());
  }

  @Test
  void theDefaultStateDirectoryNotMadeYetHoldsNothing() {
    assertNull(StateDir.existing(null, Map.of("HOME", tmp.resolve("new-home").toString())));
  }

  @Test
  void aFileSystemCauseIsSaidAsPathAndReasonNotAsAnExceptionClass() {
    // given
    NotDirectoryException cause = new NotDirectoryException("/srv/state/jobs");
    RuntimeException journal = new IllegalStateException("cannot record the job in /srv/state: " + cause
        + "; the job stopped", cause);
    UncheckedIOException ledger = new UncheckedIOException("cannot read the quota ledger in /srv/state", cause);
    // then
    assertEquals("cannot record the job in /srv/state: /srv/state/jobs: not a directory; the job stopped",
        StateDir.explain(journal));
    assertEquals("cannot read the quota ledger in /srv/state: /srv/state/jobs: not a directory",
        StateDir.explain(ledger));
    assertEquals("plain", StateDir.explain(new IllegalStateException("plain", new IOException("x"))));
  }

  @Test
  void theBareResumePassesOverAnUnreadableJobAndSaysSoWhileOneNamedIsRefusedWithItsCause() {
    // given: an unfinished job, then a newer one that cannot be read
    dev.refreshcdn.JobStore.Job older = Values.job("20261127-080000-3f9a", java.time.Instant.parse("2026-11-27T08:00:00Z"),
        dev.refreshcdn.JobStore.Job.State.UNFINISHED, dev.refreshcdn.Api.V2, java.net.URI.create("https://x.test/"), false, 3, 1);
    dev.refreshcdn.JobStore.Job newer = Values.unreadable("20261127-090000-0b1c", "/s/jobs/20261127-090000-0b1c/job.json is empty");
    java.util.List<dev.refreshcdn.JobStore.Job> jobs = java.util.List.of(older, newer);
    // when
    dev.refreshcdn.JobStore.Job picked = StateDir.pick(jobs, null, Path.of("/s"), Map.of());
    UsageException named = assertThrows(UsageException.class, () -> StateDir.pick(jobs, newer.id(), Path.of("/s"), Map.of()));
    // then
    assertEquals(older, picked);
    assertEquals(java.util.List.of("skipped job 20261127-090000-0b1c, which cannot be read: "
        + "/s/jobs/20261127-090000-0b1c/job.json is empty"), StateDir.passedOver(jobs, picked, new FollowUp(Path.of("/s"), Map.of())));
    assertEquals("job 20261127-090000-0b1c cannot be read: /s/jobs/20261127-090000-0b1c/job.json is empty; nothing "
        + "was sent", named.getMessage());
  }
}
