package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default state directory is $HOME/.refresh-cdn; a dry run and --emulator keep no state; no secret is written. */
class StateDirCliTest {
  @TempDir Path home;

  @Test
  void aJobIsJournaledUnderTheHomeVariableAndJobsFindsItThere() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // when
      Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--json", "https://www.test.com/a.js")
          .withCredentials().env("HOME", home.toString()).run();
      Cli.Result jobs = InProcess.refreshCdn("jobs", "--json").env("HOME", home.toString()).run();
      // then
      assertEquals(0, r.exit(), r::toString);
      String jobId = (String) JSON.std.mapFrom(r.out()).get("job_id");
      assertTrue(Files.isDirectory(home.resolve(".refresh-cdn/jobs").resolve(jobId)), r::toString);
      assertEquals(0, jobs.exit(), jobs::toString);
      Map<?, ?> job = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(jobs.out()).get("jobs")).get(0);
      assertEquals(jobId, job.get("job_id"));
      assertEquals("done", job.get("state"));
      try (Stream<Path> files = Files.walk(home.resolve(".refresh-cdn"))) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String text = Files.readString(file);
          assertFalse(text.contains(Cli.SECRET_KEY), "the key is in " + file);
          assertFalse(text.contains(Cli.SECRET_ID), "the SecretId is in " + file);
        }
      }
    }
  }

  @Test
  void aDryRunAndTheEmulatorKeepNoState() {
    // when
    Cli.Result dry = InProcess.refreshCdn("--dry-run", "https://www.test.com/a.js").env("HOME", home.toString()).run();
    Cli.Result emulated = InProcess.refreshCdn("--emulator", "https://www.test.com/a.js").env("HOME", home.toString()).run();
    // then
    assertEquals(0, dry.exit(), dry::toString);
    assertEquals(0, emulated.exit(), emulated::toString);
    assertFalse(Files.exists(home.resolve(".refresh-cdn")), "no state directory was made");
  }

  @Test
  void aStateDirectoryThatCannotBeWrittenStopsTheJobBeforeAnythingIsSent() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // given: a file where the directory should be
      Path notADirectory = Files.writeString(home.resolve("state"), "a file");
      // when
      Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir", notADirectory.toString(),
          "https://www.test.com/a.js").withCredentials().run();
      // then: the path and why, no exception class, and no list of URLs "not sent" (nothing was)
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("cannot record the job in " + notADirectory + ": " + notADirectory.resolve("jobs")
          + ": "), r::toString);
      assertTrue(r.err().contains("nothing was sent\n  (give a writable --state-dir)"), r::toString);
      assertFalse(r.err().contains("java.nio"), r::toString);
      assertEquals("", r.out(), r::toString);
      assertTrue(emu.requests().isEmpty(), "nothing was sent");
    }
  }

  @Test
  void resumeAndJobsBeforeTheDefaultStateDirectoryExistsFindNothingAndExit0() {
    // when
    Cli.Result r = InProcess.refreshCdn("resume").env("HOME", home.toString()).withCredentials().run();
    Cli.Result jobs = InProcess.refreshCdn("jobs").env("HOME", home.toString()).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("nothing to resume"), r::toString);
    assertEquals(0, jobs.exit(), jobs::toString);
    assertEquals("No jobs in " + home.resolve(".refresh-cdn") + ".\n", jobs.out(), jobs::toString);
    assertFalse(Files.exists(home.resolve(".refresh-cdn")), "nothing was made");
  }

  @Test
  void aStateDirectoryGivenToResumeOrJobsThatDoesNotExistOrIsAFileIsAUsageError() throws Exception {
    // given
    Path missing = home.resolve("typo");
    Path file = Files.writeString(home.resolve("file"), "a file");
    // when
    Cli.Result resume = InProcess.refreshCdn("resume", "--state-dir", missing.toString()).withCredentials().run();
    Cli.Result jobs = InProcess.refreshCdn("jobs", "--state-dir", missing.toString(), "--json").run();
    Cli.Result onAFile = InProcess.refreshCdn("jobs", "--state-dir", file.toString()).run();
    // then
    assertEquals(2, resume.exit(), resume::toString);
    assertTrue(resume.err().contains("no state directory " + missing), resume::toString);
    assertEquals(2, jobs.exit(), jobs::toString);
    assertEquals("usage", JSON.std.mapFrom(jobs.out()).get("status"), jobs::toString);
    assertEquals(2, onAFile.exit(), onAFile::toString);
    assertTrue(onAFile.err().contains(file + " is not a directory"), onAFile::toString);
    assertFalse(Files.exists(missing), "nothing was made");
  }

  @Test
  void resumeOfAnUnknownJobIsAUsageError() {
    // when
    Cli.Result r = InProcess.refreshCdn("resume", "no-such-job", "--state-dir", home.toString()).withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("no job no-such-job in " + home), r::toString);
  }
}
