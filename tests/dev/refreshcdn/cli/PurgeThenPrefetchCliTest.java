package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code refresh-cdn --prefetch}, through the real CLI against the emulator: what it says while it purges, waits and
 * prefetches, how it counts its two kinds of tasks, and how {@code jobs} shows such a job.
 */
class PurgeThenPrefetchCliTest {
  private static final String HOST = "https://www.test.com/";

  @RegisterExtension final EmulatorCli cli = new EmulatorCli();

  private Map<String, Object> onlyJob() throws Exception {
    Cli.Result jobs = InProcess.refreshCdn("jobs", "--json", "--state-dir", cli.state().toString()).run();
    assertEquals(0, jobs.exit(), jobs::toString);
    List<?> list = (List<?>) JSON.std.mapFrom(jobs.out()).get("jobs");
    assertEquals(1, list.size(), jobs::toString);
    return (Map<String, Object>) list.get(0);
  }

  @Test
  void itSaysItWaitsForThePurgeLabelsEachTaskAndCountsBothKinds() throws Exception {
    // given
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO));
    // when
    Cli.Result r = cli.refreshCdn("--prefetch", HOST + "a.js", HOST + "b.js");
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("waiting for the purge tasks to finish before prefetching"), r::toString);
    assertTrue(r.out().contains("\npurge task ") || r.out().startsWith("purge task "), r::toString);
    assertTrue(r.out().contains("\nprefetch task "), r::toString);
    assertTrue(r.out().contains("Submitted 2 URLs in 2 tasks (1 purge, then 1 prefetch)"), r::toString);
    Map<String, Object> job = onlyJob();
    assertEquals("purge+prefetch", job.get("kind"));
    assertEquals(2, job.get("purged"));
    assertEquals(2, job.get("prefetched"));
    assertEquals(0, job.get("pending"));
    Cli.Result table = InProcess.refreshCdn("jobs", "--state-dir", cli.state().toString()).run();
    assertTrue(table.out().contains("purge+prefetch"), table::toString);
    assertTrue(table.out().contains("2/2 purged, 2/2 prefetched"), table::toString);
  }

  @Test
  void jsonListsThePurgeTasksAndNothingIsSaidOnStderr() throws Exception {
    // given
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO));
    // when
    Cli.Result r = cli.refreshCdn("--prefetch", "--json", HOST + "a.js");
    // then
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("waiting"), r::toString);
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    List<?> purgeTasks = (List<?>) doc.get("purge_tasks");
    assertEquals(1, purgeTasks.size(), r::toString);
    assertEquals(1, ((List<?>) doc.get("tasks")).size(), r::toString);
    assertFalse(purgeTasks.get(0).equals(((Map<?, ?>) ((List<?>) doc.get("tasks")).get(0)).get("task_id")), r::toString);
  }

  @Test
  void aQuotaStopInThePrefetchPhaseCountsThePurgeTaskAndJobsCountsEachPhase() throws Exception {
    // given one prefetch left today
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO).dailyPrefetchQuota(1));
    // when
    Cli.Result r = cli.refreshCdn("--prefetch", HOST + "a.js", HOST + "b.js");
    // then
    assertEquals(5, r.exit(), r::toString);
    assertTrue(r.out().contains("Stopped by the daily quota: 2 tasks created (above), 1 URL pending."), r::toString);
    Map<String, Object> job = onlyJob();
    assertEquals(2, job.get("purged"));
    assertEquals(1, job.get("prefetched"));
    assertEquals(1, job.get("pending"));
  }

  @Test
  void aFailedPurgeTaskIsNamedAsFailedAndTheResumeHintKeepsTheStateDir() {
    // given every purge of a.js fails
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO).failingTasks("a.js"));
    // when
    Cli.Result r = cli.refreshCdn("--prefetch", HOST + "a.js");
    // then
    assertEquals(4, r.exit(), r::toString);
    String taskId = cli.emu().requests().stream().filter(q -> q.action().equals("PurgeUrlsCache")).findFirst()
        .flatMap(q -> q.taskId()).orElseThrow();
    assertTrue(r.err().contains("purge task " + taskId + " failed, so nothing was prefetched"), r::toString);
    for (String wrong : new String[] {"no usable answer", "not done", " s (", "did not reach the service"}) {
      assertFalse(r.err().contains(wrong), wrong + "\n" + r);
    }
    assertTrue(r.err().matches("(?s).*: refresh-cdn resume \\S+ --state-dir " + cli.state() + "\n.*"), r::toString);
    assertTrue(r.out().contains("Stopped: 1 task created (above), 1 URL not sent."), r::toString);
    assertEquals(0, cli.emu().requests().stream().filter(q -> q.action().equals("PushUrlsCache")).count());
  }

  @Test
  void aPurgeNotDoneInTimeSaysTheWaitAsTheUserTypedIt() {
    // given purge tasks that take an hour
    cli.start(Emulator.builder().taskCompletion(Duration.ofHours(1)));
    // when
    Cli.Result r = cli.refreshCdn("--prefetch", "--wait-timeout", "1500ms", HOST + "a.js");
    // then
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().matches("(?s).*purge task \\S+ is not done after 1\\.5s, so nothing was "
        + "prefetched.*"), r::toString);
  }

  @Test
  void withoutAJournalTheUrlsNotPrefetchedAreListedAndNoEmptyListIsPrinted() {
    // given every purge of a.js fails, and no state directory (HOME unset, no --state-dir)
    cli.start(Emulator.builder().taskCompletion(Duration.ZERO).failingTasks("a.js"));
    // when
    Cli.Result r = InProcess.refreshCdn("--prefetch", "--endpoint", cli.emu().endpointV3().toString(), HOST + "a.js")
        .withCredentials().env("HOME", "").run();
    // then
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.out().contains("Stopped: 1 task created (above), 1 URL not sent.\n# 1 URL not sent:\n" + HOST
        + "a.js\n"), r::toString);
    assertFalse(r.out().contains("# 0 "), r::toString);
  }
}
