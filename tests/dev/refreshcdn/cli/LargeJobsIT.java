package dev.refreshcdn.cli;

import java.io.BufferedWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" of the large-jobs issue, through ./jbang as real processes against an emulator that checks every
 * signature: retries, a refusal tried once, the daily quota (exit 5, twice), a SIGKILL then resume, and jobs.
 */
class LargeJobsIT {
  private static final Pattern JOB = Pattern.compile("refresh-cdn resume (\\S+) --state-dir (\\S+)");

  @TempDir Path stateDir;
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").dailyUrlQuota(100_000).start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  private Cli refreshCdn(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir", stateDir.toString()));
    return Cli.refreshCdn(all.toArray(new String[0])).withCredentials();
  }

  @Test
  void twoInjected503sAreRetriedAndSixThousandUrlsAreAcceptedOnceEach() {
    // given
    emu.failNext(2, 503);
    // when
    Cli.Result r = refreshCdn().stdin(Accepted.urls("a", 6000)).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(8, Accepted.purges(emu).size(), "6 requests, 2 of them twice");
    assertEquals(2, Accepted.purges(emu).stream().filter(q -> q.fault().isPresent()).count());
    Map<String, Integer> counts = Accepted.counts(emu);
    assertEquals(6000, counts.size());
    assertTrue(counts.values().stream().allMatch(n -> n == 1), "each URL accepted once");
    assertTrue(r.out().contains("Submitted 6000 URLs in 6 tasks."), r::toString);
  }

  @Test
  void aWrongKeyIsTriedExactlyOnceAndExits3() {
    // when
    Cli.Result r = refreshCdn().env("TENCENTCLOUD_SECRET_KEY", "not-the-key").stdin(Accepted.urls("a", 2500)).run();
    // then
    assertEquals(3, r.exit(), r::toString);
    assertEquals(1, emu.requests().size(), "a refusal that will not change is never retried");
    assertEquals("4100", emu.requests().get(0).code());
    assertTrue(r.err().contains("the signature check failed"), r::toString);
    assertFalse(r.all().contains("not-the-key"), r::toString);
  }

  @Test
  void aDailyQuotaOf2500Accepts2500Of6000AndExits5ThenResumingTheSameDayExits5SendingNothing() throws Exception {
    // when
    Cli.Result r = refreshCdn("--daily-quota", "2500", "--json").stdin(Accepted.urls("a", 6000)).run();
    // then
    assertEquals(5, r.exit(), r::toString);
    assertEquals(2500, Accepted.acceptedUrls(emu));
    assertEquals(2500, Accepted.counts(emu).size());
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals("quota", doc.get("status"));
    assertEquals(5, doc.get("exit_code"));
    assertEquals(3500, doc.get("pending"));
    String jobId = (String) doc.get("job_id");
    assertTrue(jobId != null && !jobId.isEmpty(), r::toString);
    assertTrue(String.valueOf(doc.get("quota_returns")).endsWith("T16:00:00Z"), "midnight in Beijing\n" + r);
    assertTrue(r.err().contains("3500 URLs are pending"), r::toString);
    assertTrue(r.err().contains("Beijing time"), r::toString);
    assertTrue(r.err().contains("refresh-cdn resume " + jobId + " --state-dir " + stateDir), r::toString);
    int requestsBefore = emu.requests().size();

    // when: resumed the same day
    Cli.Result again = Cli.refreshCdn("resume", jobId, "--state-dir", stateDir.toString(), "--daily-quota", "2500")
        .withCredentials().run();
    // then
    assertEquals(5, again.exit(), again::toString);
    assertEquals(requestsBefore, emu.requests().size(), "nothing sent");
    assertTrue(again.err().contains("3500 URLs are pending"), again::toString);
    assertTrue(again.err().contains("refresh-cdn resume " + jobId), again::toString);

    // when
    Cli.Result jobs = Cli.refreshCdn("jobs", "--state-dir", stateDir.toString(), "--json").run();
    // then
    assertEquals(0, jobs.exit(), jobs::toString);
    Map<?, ?> job = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(jobs.out()).get("jobs")).get(0);
    assertEquals(jobId, job.get("job_id"));
    assertEquals("quota", job.get("state"));
    assertEquals(2500, job.get("accepted"));
    assertEquals(3500, job.get("pending"));
  }

  @Test
  @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aJobKilledWithSigkillAfterItsFourthAcceptedRequestIsResumedWithAtMostOneRequestResent() throws Exception {
    // given: 6 requests, one every 2 seconds
    Path urls = stateDir.resolveSibling(stateDir.getFileName() + "-urls.txt");
    Files.writeString(urls, Accepted.urls("k", 6000));
    try (Cli.Running job = refreshCdn("--calls-per-minute", "30", "-i", urls.toString()).start()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (Accepted.acceptedRequests(emu) < 4 && System.nanoTime() < deadline && job.isAlive()) {
        Thread.sleep(20);
      }
      assertEquals(4, Accepted.acceptedRequests(emu), "the job got to its fourth request");
      // when
      job.kill();
    }
    Cli.Result list = Cli.refreshCdn("jobs", "--state-dir", stateDir.toString()).run();
    assertTrue(list.out().contains("unfinished"), list::toString);
    Cli.Result r = Cli.refreshCdn("resume", "--state-dir", stateDir.toString(), "--endpoint", emu.endpoint().toString())
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    Map<String, Integer> counts = Accepted.counts(emu);
    assertEquals(6000, counts.size(), "every URL accepted");
    int resent = Accepted.acceptedUrls(emu) - 6000;
    assertTrue(resent <= 1000, "resent " + resent);
    assertTrue(r.out().contains("Resuming job "), r::toString);
    if (resent > 0) {
      assertTrue(r.out().contains(dev.refreshcdn.internal.Texts.count(resent, false) + (resent == 1 ? " was" : " were") + " sent again"),
          r::toString);
    }
    Cli.Result done = Cli.refreshCdn("jobs", "--state-dir", stateDir.toString()).run();
    assertTrue(done.out().contains("done"), done::toString);
    Cli.Result nothing = Cli.refreshCdn("resume", "--state-dir", stateDir.toString()).withCredentials().run();
    assertEquals(0, nothing.exit(), nothing::toString);
    assertTrue(nothing.out().contains("nothing to resume"), nothing::toString);
  }

  @Test
  @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
  void resumingAJobThatIsStillRunningIsAUsageErrorWithTheReasonAndNoStackTrace() throws Exception {
    // given: 5 requests, one every 3 seconds, in another process
    Path urls = stateDir.resolveSibling(stateDir.getFileName() + "-running.txt");
    Files.writeString(urls, Accepted.urls("r", 5000));
    try (Cli.Running job = refreshCdn("--calls-per-minute", "20", "-i", urls.toString()).start()) {
      job.await(line -> line.startsWith("task "));
      Cli.Result list = Cli.refreshCdn("jobs", "--state-dir", stateDir.toString(), "--json").run();
      String jobId = (String) ((Map<?, ?>) ((List<?>) JSON.std.mapFrom(list.out()).get("jobs")).get(0)).get("job_id");
      int requests = emu.requests().size();
      // when
      Cli.Result r = Cli.refreshCdn("resume", jobId, "--state-dir", stateDir.toString(), "--json").withCredentials()
          .run();
      // then
      assertTrue(job.isAlive(), "the job was still running");
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().startsWith("refresh-cdn: job " + jobId + " is running"), r::toString);
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
      Map<String, Object> doc = JSON.std.mapFrom(r.out());
      assertEquals("usage", doc.get("status"), r::toString);
      assertTrue(emu.requests().size() <= requests + 1, "nothing sent by the resume (the job may have sent one)");
    }
  }

  @Test
  void onApi3TheQuotaTheServiceReportsStopsTheJobWithExit5() throws Exception {
    // given: an account with 2,500 URLs a day, as DescribePurgeQuota will say
    try (Emulator small = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").dailyUrlQuota(2500)
        .start()) {
      // when
      Cli.Result r = Cli.refreshCdn("--api", "v3", "--endpoint", small.endpointV3().toString(), "--state-dir",
          stateDir.toString(), "--json").withCredentials().stdin(Accepted.urls("v3", 6000)).run();
      // then
      assertEquals(5, r.exit(), r::toString);
      assertEquals(2500, Accepted.acceptedUrls(small));
      Map<String, Object> doc = JSON.std.mapFrom(r.out());
      assertEquals(3500, doc.get("pending"));
      assertTrue(r.err().contains("refresh-cdn resume " + doc.get("job_id")), r::toString);
    }
  }

  @Test
  void aResumeCommandIsPrintedWithTheJobOfAFailure() {
    // given: no answer at all
    emu.dropNext(10);
    // when
    Cli.Result r = refreshCdn("--retries", "0").stdin(Accepted.urls("a", 10)).run();
    // then
    assertEquals(4, r.exit(), r::toString);
    Matcher m = JOB.matcher(r.err());
    assertTrue(m.find(), r::toString);
    assertEquals(stateDir.toString(), m.group(2));
  }

  @Test
  void aMillionUrlDryRunFitsInA256MegabyteHeap(@TempDir Path dir) throws Exception {
    // given: the throughput benchmark's input (its time is measured by hand, not asserted here)
    Path file = dir.resolve("urls-1m.txt");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 1; i <= 1_000_000; i++) {
        out.write("https://www.test.com/static/app-" + i + ".js\n");
      }
    }
    // when
    long start = System.nanoTime();
    Cli.Result r = Cli.refreshCdn("--dry-run", "-q", "-i", file.toString()).withCredentials()
        .env("JAVA_TOOL_OPTIONS", "-Xmx256m").run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Dry run: 1000 POST requests, 1000000 URLs"), r::toString);
    System.out.println("dry run of 1,000,000 URLs through ./jbang with -Xmx256m: " + millis + " ms");
  }
}
