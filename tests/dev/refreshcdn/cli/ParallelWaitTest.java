package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --parallel with faults, --wait until done, failed or timed out, and --dir, run in-process. */
class ParallelWaitTest {
  @TempDir Path stateDir;
  private Emulator emu;

  @AfterEach
  void stopEmulator() {
    if (emu != null) {
      emu.close();
    }
  }

  private Emulator start(Emulator.Builder builder) {
    emu = builder.account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").dailyUrlQuota(100_000).start();
    return emu;
  }

  private InProcess refreshCdn(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--state-dir", stateDir.toString()));
    if (!all.contains("--endpoint")) {
      all.addAll(List.of("--api", "v2", "--endpoint", emu.endpoint().toString()));
    }
    return InProcess.refreshCdn(all.toArray(new String[0])).withCredentials();
  }

  @Test
  void fourRequestsInFlightWithFaultsAcceptEveryUrlExactlyOnce() throws Exception {
    // given
    start(Emulator.builder());
    emu.failNext(3, 503).dropNext(2);
    // when
    Cli.Result r = refreshCdn("--parallel", "4", "--batch-size", "250", "--daily-quota", "20000", "--retries", "6", "--json")
        .stdin(Accepted.urls("p", 10_000)).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    Map<String, Integer> counts = Accepted.counts(emu);
    assertEquals(10_000, counts.size());
    assertTrue(counts.values().stream().allMatch(n -> n == 1), "each URL accepted once");
    assertEquals(40, Accepted.acceptedRequests(emu));
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals(40, ((List<?>) doc.get("tasks")).size());
    Cli.Result jobs = InProcess.refreshCdn("jobs", "--state-dir", stateDir.toString(), "--json").run();
    Map<?, ?> job = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(jobs.out()).get("jobs")).get(0);
    assertEquals(doc.get("job_id"), job.get("job_id"));
    assertEquals("done", job.get("state"));
    assertEquals(10_000, job.get("accepted"));
  }

  @Test
  void waitPollsUntilEveryTaskIsDone() throws Exception {
    // given
    start(Emulator.builder().taskCompletion(Duration.ofSeconds(1)));
    // when
    Cli.Result r = refreshCdn("--wait", "--json", "--batch-size", "1", "https://www.test.com/1.js",
        "https://www.test.com/2.js").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    List<?> statuses = (List<?>) doc.get("statuses");
    assertEquals(2, statuses.size());
    for (Object status : statuses) {
      assertEquals("done", ((Map<?, ?>) status).get("state"), r::toString);
    }
  }

  @Test
  void waitOnApi3ShowsTheTasksAndSaysWhenAllAreDone() {
    // given
    start(Emulator.builder().taskCompletion(Duration.ZERO));
    // when
    Cli.Result r = refreshCdn("--endpoint", emu.endpointV3().toString(), "--wait",
        "https://www.test.com/1.js").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("TASK"), r::toString);
    assertTrue(r.out().contains("Every task is done."), r::toString);
  }

  @Test
  void waitTimesOutWithExitCode7() {
    // given
    start(Emulator.builder().taskCompletion(Duration.ofHours(1)));
    // when
    Cli.Result r = refreshCdn("--wait-timeout", "3s", "https://www.test.com/1.js").run();
    // then
    assertEquals(7, r.exit(), r::toString);
    assertTrue(r.err().contains("refresh-cdn: waiting up to 3s for 1 task…"), r::toString);
    assertTrue(r.err().contains("1 task not done after 3s; ask again later: refresh-cdn status --api v2 --endpoint "
        + emu.endpoint() + " --task "), r::toString);
  }

  @Test
  void aFailedTaskAfterWaitingGivesExitCode6() throws Exception {
    // given
    start(Emulator.builder().taskCompletion(Duration.ZERO).failingTasks("/broken/"));
    // when
    Cli.Result r = refreshCdn("--wait", "--json", "--batch-size", "1", "https://www.test.com/ok.js",
        "https://www.test.com/broken/x.js").run();
    // then
    assertEquals(6, r.exit(), r::toString);
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals("task_failed", doc.get("status"));
    List<?> statuses = (List<?>) doc.get("statuses");
    assertEquals("done", ((Map<?, ?>) statuses.get(0)).get("state"));
    assertEquals("failed", ((Map<?, ?>) statuses.get(1)).get("state"));
    assertTrue(r.err().contains("1 task failed: "), r::toString);
  }

  @Test
  void directoriesWithFlushAllAreSentAsRefreshCdnDirType2() {
    // given
    start(Emulator.builder());
    // when
    Cli.Result r = refreshCdn("--dir", "--flush-all", "https://www.test.com/static/", "https://www.test.com/img/").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    RecordedRequest request = emu.requests().get(0);
    assertEquals("RefreshCdnDir", request.action());
    assertEquals("2", request.params().get("type"));
    assertEquals(List.of("https://www.test.com/static/", "https://www.test.com/img/"), request.urls());
    assertTrue(r.out().startsWith("request accepted: 2 directories (RefreshCdnDir gives no task id), first "
        + "https://www.test.com/static/\nSubmitted 2 directories in 1 request. Job "), r::toString);
    assertTrue(r.out().contains(": every directory accepted."), r::toString);
  }

  @Test
  void aLegacyDirectoryTaskHasNoIdSoQuietPrintsNothingAndJobsListNone() throws Exception {
    // given
    start(Emulator.builder());
    // when
    Cli.Result r = refreshCdn("--dir", "-q", "https://www.test.com/static/").run();
    Cli.Result jobs = InProcess.refreshCdn("jobs", "--state-dir", stateDir.toString(), "--json").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out(), "no blank line for a task without an id\n" + r);
    Map<?, ?> job = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(jobs.out()).get("jobs")).get(0);
    assertEquals(List.of(), job.get("task_ids"), jobs::toString);
  }

  @Test
  void waitingForLegacyDirectoriesIsRefusedUpFrontForLackOfTaskIds() throws Exception {
    // given
    start(Emulator.builder());
    // when
    Cli.Result r = refreshCdn("--dir", "--wait-timeout", "1m", "--json", "https://www.test.com/static/").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    String message = "--wait-timeout does not combine with directories on API 2.0: RefreshCdnDir gives no task id to "
        + "wait for; leave out --api v2 to wait for directories on API 3.0";
    assertTrue(r.err().contains(message), r::toString);
    assertEquals(message, JSON.std.mapFrom(r.out()).get("message"));
    assertEquals(0, emu.requests().size());
  }

  @Test
  void directoriesOnApi3ArePurgePathCacheWithFlushTypeFlushByDefault() {
    // given
    start(Emulator.builder());
    // when
    Cli.Result r = refreshCdn("--endpoint", emu.endpointV3().toString(), "--dir",
        "https://www.test.com/static/").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    RecordedRequest request = emu.requests().stream().filter(q -> q.action().equals("PurgePathCache"))
        .findFirst().orElseThrow(() -> new AssertionError(emu.requests()));
    assertEquals("flush", request.params().get("FlushType"));
    assertEquals("https://www.test.com/static/", request.params().get("Paths.0"));
  }

  @Test
  void flushAllWithoutDirIsAUsageError() {
    // given
    start(Emulator.builder());
    // when
    Cli.Result r = refreshCdn("--flush-all", "https://www.test.com/static/").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--flush-all applies to directories: add --dir"), r::toString);
    assertEquals(0, emu.requests().size());
  }
}
