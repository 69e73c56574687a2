package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.JobStore;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bare resume takes the most recent job that stopped for a reason that can pass and names it; a refused job is
 * resumed by id with corrected options, which the journal keeps; jobs are dropped one by one or pruned when done; a
 * running job is listed as running and a second resume of it is refused before it says anything else.
 */
class ResumeChoiceTest {
  @TempDir Path state;

  /** The id of the job made {@code index}-th, as {@code jobs} lists them: oldest first. */
  private static String onlyJob(Path state, int index) {
    return JobStore.at(state).list().get(index).id();
  }

  private Cli.Result run(String... args) {
    return InProcess.refreshCdn(args).withCredentials().run();
  }

  @Test
  void aBareResumePassesOverARefusedJobForTheQuotaStoppedOneAndNamesIt() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      String endpoint = emu.endpointV3().toString();
      // given: a job stopped by the quota, then a newer one refused (a domain of no account)
      run("--state-dir", state.toString(), "--endpoint", endpoint, "--daily-quota", "1", "https://www.test.com/a",
          "https://www.test.com/b");
      Cli.Result refused = run("--state-dir", state.toString(), "--endpoint", endpoint, "https://www.other.com/a");
      String quotaJob = onlyJob(state, 0);
      String refusedJob = onlyJob(state, 1);
      // when
      Cli.Result r = run("resume", "--state-dir", state.toString(), "--daily-quota", "5");
      // then
      assertEquals(3, refused.exit(), refused::toString);
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().startsWith("Resuming job " + quotaJob + " (the most recent job stopped by the daily quota)"
          + ": 1 of 2 URLs pending, 1 accepted before."), r::toString);
      assertTrue(r.err().contains("skipped job " + refusedJob + ", which the service refused; once the cause is fixed: "
          + "refresh-cdn resume " + refusedJob + " --state-dir " + state), r::toString);
    }
  }

  @Test
  void aRefusedJobIsResumedByIdWithAnAreaTheJournalKeeps() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // given: a job refused for an area its domain is not accelerated in
      String endpoint = emu.endpointV3().toString();
      Cli.Result first = run("--state-dir", state.toString(), "--endpoint", endpoint, "--area", "overseas",
          "https://www.test.com/a");
      String job = onlyJob(state, 0);
      // when: resumed by id for the area it is accelerated in
      Cli.Result r = run("resume", job, "--state-dir", state.toString(), "--area", "mainland");
      Cli.Result jobs = run("jobs", "--state-dir", state.toString());
      // then
      assertEquals(3, first.exit(), first::toString);
      assertEquals(0, r.exit(), r::toString);
      RecordedRequest last = emu.requests().get(emu.requests().size() - 1);
      assertEquals("PurgeUrlsCache", last.action(), emu.requests()::toString);
      assertTrue(last.params().toString().contains("mainland"), last.params()::toString);
      assertTrue(Files.readString(state.resolve("jobs").resolve(job).resolve("journal.jsonl"))
          .contains("\"area\":\"MAINLAND\""), "the resume event records it");
      assertTrue(jobs.out().contains(job + "  ") && jobs.out().contains("done"), jobs::toString);
    }
  }

  @Test
  void aJobOfTheRetiredApiIsMovedToApi3WithItsPendingUrlsPlannedThere() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // given: an API 2.0 job stopped by the quota
      run("--state-dir", state.toString(), "--api", "v2", "--endpoint", emu.endpoint().toString(), "--daily-quota", "1",
          "https://www.test.com/a", "https://www.test.com/b");
      String job = onlyJob(state, 0);
      // when: --area without --api v3, then with it
      Cli.Result area = run("resume", job, "--state-dir", state.toString(), "--area", "mainland");
      Cli.Result moved = run("resume", job, "--state-dir", state.toString(), "--api", "v3", "--endpoint",
          emu.endpointV3().toString(), "--daily-quota", "5");
      Cli.Result jobs = run("jobs", "--state-dir", state.toString(), "--json");
      // then
      assertEquals(2, area.exit(), area::toString);
      assertTrue(area.err().contains("--area applies to API 3.0 only, and job " + job + " was made with the legacy API "
          + "2.0: add --api v3 to resume it on API 3.0"), area::toString);
      assertEquals(0, moved.exit(), moved::toString);
      assertTrue(moved.out().startsWith("Resuming job " + job + ": 1 of 2 URLs pending, 1 accepted before, moved to "
          + "API 3.0."), moved::toString);
      RecordedRequest last = emu.requests().get(emu.requests().size() - 1);
      assertEquals("PurgeUrlsCache", last.action(), emu.requests()::toString);
      assertEquals(List.of("https://www.test.com/b"), last.urls());
      assertTrue(jobs.out().contains("\"api\" : \"v3\""), jobs::toString);
    }
  }

  @Test
  void jobsDropDeletesOneJobAndPruneEveryDoneOne() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // given: two done jobs and one stopped by the quota
      String endpoint = emu.endpointV3().toString();
      run("--state-dir", state.toString(), "--endpoint", endpoint, "https://www.test.com/a");
      run("--state-dir", state.toString(), "--endpoint", endpoint, "https://www.test.com/b");
      run("--state-dir", state.toString(), "--endpoint", endpoint, "--daily-quota", "1", "https://www.test.com/c",
          "https://www.test.com/d");
      String first = onlyJob(state, 0);
      String pending = onlyJob(state, 2);
      // when
      Cli.Result drop = run("--state-dir", state.toString(), "jobs", "drop", first);
      Cli.Result prune = run("jobs", "prune", "--state-dir", state.toString());
      Cli.Result again = run("jobs", "drop", first, "--state-dir", state.toString());
      // then
      assertEquals(0, drop.exit(), drop::toString);
      assertEquals("Dropped job " + first + ".\n", drop.out());
      assertEquals(0, prune.exit(), prune::toString);
      assertEquals("Dropped 1 done job; 1 job left.\n", prune.out());
      assertEquals(List.of(pending), List.of(new File(state.resolve("jobs").toString()).list()));
      assertEquals(2, again.exit(), again::toString);
      assertTrue(again.err().contains("no job " + first), again::toString);
    }
  }

  @Test
  void aRunningJobIsListedAsRunningAndASecondResumeIsRefusedBeforeSayingItResumes() throws Exception {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // given: a job stopped by the quota, whose journal another run holds
      run("--state-dir", state.toString(), "--endpoint", emu.endpointV3().toString(), "--daily-quota", "1",
          "https://www.test.com/a", "https://www.test.com/b");
      String job = onlyJob(state, 0);
      int sent = emu.requests().size();
      try (FileChannel journal = FileChannel.open(state.resolve("jobs").resolve(job).resolve("journal.jsonl"),
          StandardOpenOption.WRITE);
          FileLock held = journal.lock()) {
        // when
        Cli.Result jobs = run("jobs", "--state-dir", state.toString());
        Cli.Result r = run("resume", "--state-dir", state.toString(), "--daily-quota", "5");
        // then
        assertTrue(held.isValid());
        assertTrue(jobs.out().contains("running"), jobs::toString);
        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals("refresh-cdn: job " + job + " is running: another submission or resume holds it; nothing was "
            + "sent\n", r.err());
        assertEquals(sent, emu.requests().size());
      }
      assertFalse(run("jobs", "--state-dir", state.toString()).out().contains("running"));
    }
  }
}
