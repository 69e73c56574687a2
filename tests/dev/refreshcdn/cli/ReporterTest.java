package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Api;
import dev.refreshcdn.JobStore;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a submission prints, in process against the emulator: stdout, stderr and the exit code. */
class ReporterTest {
  private static final IntSupplier UNKNOWN = () -> {
    throw new IllegalStateException("quota unknown");
  };

  @TempDir Path stateDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Emulator emu;

  @AfterEach
  void stopEmulator() {
    if (emu != null) {
      emu.close();
    }
  }

  private Refresh account(Refresh refresh, Emulator.Builder builder) {
    emu = builder.account("AKIDreporterTESTtestTEST00001234", "reporterKey", "www.test.com").start();
    return refresh.endpoint(emu.endpoint()).credentials("AKIDreporterTESTtestTEST00001234", "reporterKey");
  }

  private Reporter reporter(boolean json, boolean quiet) {
    return new Reporter(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), json, quiet);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTaskWithoutAnIdIsAnAcceptedRequestNeverTaskColonNothing() {
    assertEquals("request accepted: 1 directory (RefreshCdnDir gives no task id), first https://www.test.com/a/",
        TaskLines.taskLine(Values.task("", 1, List.of("https://www.test.com/a/")), true));
    assertEquals("task 42: 2 URLs, first https://www.test.com/a",
        TaskLines.taskLine(Values.task("42", 2, List.of("https://www.test.com/a", "https://www.test.com/b")), false));
  }

  @Test
  void quietPrintsNoBlankLineForALegacyDirectoryTask() {
    // given: RefreshCdnDir answers without a task id
    Plan plan = account(Refresh.dirs("https://www.test.com/a/").api(Api.V2), Emulator.builder()).batch();
    // when
    int exit = reporter(false, true).directories(true).submit(plan, null, null, UNKNOWN);
    // then
    assertEquals(0, exit, this::err);
    assertEquals("", out());
  }

  @Test
  void withoutAStateDirectoryThePendingUrlsArePrintedEvenWhenQuiet() {
    // given: a quota of 1 URL a day and 3 URLs, one a request
    Plan plan = account(Refresh.urls("https://www.test.com/1", "https://www.test.com/2", "https://www.test.com/3").api(Api.V2),
        Emulator.builder()).dailyQuota(1).batch(1);
    // when
    int exit = reporter(false, true).submit(plan, null, null, UNKNOWN);
    // then: the one task id, then the only record of the rest
    assertEquals(5, exit, this::err);
    String[] lines = out().split("\n");
    assertEquals(4, lines.length, this::out);
    assertTrue(lines[0].matches("\\d+"), this::out);
    assertEquals(List.of("# 2 URLs pending (not accepted yet):", "https://www.test.com/2", "https://www.test.com/3"),
        List.of(lines[1], lines[2], lines[3]));
    assertTrue(err().contains("stopped by the daily quota (1 URL a day): 2 URLs are pending."), this::err);
  }

  @Test
  void withAStateDirectoryAQuotaStopPrintsCountsAndTheResumeCommandWithTheCredentialOptions() {
    // given
    Plan plan = account(Refresh.dirs("https://www.test.com/1/", "https://www.test.com/2/").api(Api.V2), Emulator.builder())
        .stateDir(stateDir).dailyQuota(1).batch(1);
    FollowUp followUp = new FollowUp(stateDir, Map.of()).credentials("prod", null);
    // when
    int exit = reporter(false, false).directories(true).followUp(followUp).submit(plan, null, null, UNKNOWN);
    // then
    assertEquals(5, exit, this::err);
    assertTrue(out().contains("Stopped by the daily quota: 1 task created (above), 1 directory pending."), this::out);
    assertFalse(out().contains("https://www.test.com/2/"), "the journal keeps it\n" + out());
    assertTrue(err().contains("(1 directory a day): 1 directory is pending."), this::err);
    assertTrue(err().matches("(?s).*then run: refresh-cdn resume \\S+ --state-dir \\S+ --profile prod\n.*"), this::err);
  }

  @Test
  void aStateDirectoryThatCannotRecordTheJobIsExit2WithThePathAndWhyAndNoStoppedBlock() throws Exception {
    // given: a file where the state directory should be
    Path file = Files.writeString(stateDir.resolve("state"), "a file");
    Plan plan = account(Refresh.urls("https://www.test.com/1").api(Api.V2), Emulator.builder()).stateDir(file).batch();
    // when
    int exit = reporter(false, false).submit(plan, null, null, UNKNOWN);
    // then
    assertEquals(2, exit, this::err);
    assertEquals("", out());
    assertTrue(err().startsWith("refresh-cdn: cannot record the job in " + file + ": " + file.resolve("jobs") + ": "),
        this::err);
    assertTrue(err().contains("; nothing was sent\n  (give a writable --state-dir)"), this::err);
    assertFalse(err().contains("java.nio"), this::err);
    assertEquals(0, emu.requests().size(), "nothing was sent");
  }

  @Test
  void aSecondRunOfARunningJobIsAUsageErrorWithTheLibrarysMessage() throws Exception {
    // given: a journaled job held inside its first task's listener
    Refresh refresh = account(Refresh.urls("https://www.test.com/1", "https://www.test.com/2").api(Api.V2), Emulator.builder())
        .stateDir(stateDir);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<?> first = CompletableFuture.runAsync(() -> refresh.batch(1).submit(task -> {
      inside.countDown();
      try {
        release.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try {
      assertTrue(inside.await(1, TimeUnit.MINUTES));
      String jobId = JobStore.at(stateDir).list().get(0).id();
      Plan again = JobStore.at(stateDir).resume(jobId).endpoint(emu.endpoint())
          .credentials("AKIDreporterTESTtestTEST00001234", "reporterKey").batch();
      // when
      int exit = reporter(true, false).submit(again, null, null, UNKNOWN);
      // then
      assertEquals(2, exit, this::err);
      assertTrue(err().startsWith("refresh-cdn: job " + jobId + " is running"), this::err);
      Map<String, Object> doc = JSON.std.mapFrom(out());
      assertEquals("usage", doc.get("status"));
      assertEquals(2, doc.get("exit_code"));
      assertTrue(String.valueOf(doc.get("message")).contains("is running"), this::out);
    } finally {
      release.countDown();
      first.get(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void aWaitThatTimesOutSaysHowToAskAgainWithTheApiEndpointAndCredentialOptions() {
    // given: tasks that take an hour, on API 3.0
    emu = Emulator.builder().account("AKIDreporterTESTtestTEST00001234", "reporterKey", "www.test.com")
        .taskCompletion(Duration.ofHours(1)).start();
    Plan plan = Refresh.urls("https://www.test.com/1").api(Api.V3).endpoint(emu.endpointV3())
        .credentials("AKIDreporterTESTtestTEST00001234", "reporterKey").batch();
    FollowUp followUp = new FollowUp(null, Map.of()).target(Api.V3, plan.endpoint())
        .credentials(null, Path.of("/etc/refresh cdn/creds"));
    // when
    int exit = reporter(false, false).followUp(followUp).submit(plan, null, Duration.ofMillis(300), UNKNOWN);
    // then
    assertEquals(7, exit, this::err);
    assertTrue(err().contains("refresh-cdn: waiting up to 300ms for 1 task…"), this::err);
    assertTrue(err().matches("(?s).*1 task not done after 300ms; ask again later: refresh-cdn status --api v3 "
        + "--endpoint " + emu.endpointV3() + " --task \\S+ --credentials '/etc/refresh cdn/creds'\n"), this::err);
    assertTrue(out().contains("CREATED (UTC+8)"), this::out);
  }
}
