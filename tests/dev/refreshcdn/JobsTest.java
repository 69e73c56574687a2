package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs journaled in a state directory, against the emulator sharing the test's clock: quota days, resumption, parallel senders. */
class JobsTest {
  private static final String ID = "AKIDjobsTESTexample0001";
  private static final String KEY = "jobsTestSecretKeyNeverWritten";
  /** 22:00 in Beijing: the quota day ends in two hours. */
  private final FakeTime clock = new FakeTime("2026-11-27T14:00:00Z");
  @TempDir Path state;
  private Emulator emulator;

  private Emulator start(int dailyQuota) {
    emulator = Emulator.builder().account(ID, KEY, "www.test.com", "img.test.com").clock(clock)
        .dailyUrlQuota(dailyQuota).start();
    return emulator;
  }

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private Refresh connected(Refresh refresh) {
    return refresh.credentials(ID, KEY).endpoint(emulator.endpoint()).with(it -> it.clock = clock).with(it -> it.sleeper = wait -> { });
  }

  private Refresh refresh(List<String> urls) {
    return connected(Refresh.urls(urls).api(Api.V2)).stateDir(state);
  }

  private Submission resume() {
    return connected(JobStore.at(state).resume(null)).batch().submit();
  }

  /** How many times the service accepted each URL. */
  private Map<String, Integer> acceptedCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (RecordedRequest request : emulator.requests()) {
      if (request.accepted()) {
        request.urls().forEach(url -> counts.merge(url, 1, Integer::sum));
      }
    }
    return counts;
  }

  private void assertEachAcceptedOnce(List<String> urls) {
    Map<String, Integer> counts = acceptedCounts();
    assertEquals(urls.size(), counts.size());
    for (String url : urls) {
      assertEquals(1, counts.getOrDefault(url, 0), url);
    }
  }

  @Test
  void aJobOfTwentyFiveThousandRunsOverThreeBeijingDaysWithNothingLost() {
    // given: the documented 10,000 a day, on both sides
    start(10_000);
    List<String> urls = SubmitTest.awkwardUrls(25_000);
    // when: day one
    QuotaExhaustedException first = assertThrows(QuotaExhaustedException.class, () -> refresh(urls).batch().submit());
    // then: what fits is submitted, the rest pending until Beijing midnight, and the service never said 22044
    assertEquals(10, first.tasks().size());
    assertEquals(15_000, first.pendingUrls());
    assertEquals(urls.subList(10_000, 25_000), first.unsentUrls());
    assertEquals(Instant.parse("2026-11-27T16:00:00Z"), first.quotaReturns());
    String jobId = first.jobId().orElseThrow();
    Job job = JobStore.at(state).list().get(0);
    assertEquals(jobId, job.id());
    assertEquals(Job.State.QUOTA, job.state());
    assertEquals(10_000, job.acceptedUrls());
    assertEquals(Instant.parse("2026-11-27T16:00:00Z"), job.quotaReturns().orElseThrow());
    assertTrue(emulator.requests().stream().allMatch(RecordedRequest::accepted));
    // when: resumed the same day, then on day two and day three
    int sent = emulator.requests().size();
    QuotaExhaustedException sameDay = assertThrows(QuotaExhaustedException.class, this::resume);
    assertEquals(sent, emulator.requests().size(), "nothing is sent when no quota is left");
    assertEquals(15_000, sameDay.pendingUrls());
    clock.advance(Duration.ofHours(3));
    QuotaExhaustedException dayTwo = assertThrows(QuotaExhaustedException.class, this::resume);
    assertEquals(10, dayTwo.tasks().size());
    assertEquals(5_000, dayTwo.pendingUrls());
    assertEquals(Instant.parse("2026-11-28T16:00:00Z"), dayTwo.quotaReturns());
    clock.advance(Duration.ofDays(1));
    Submission dayThree = resume();
    // then
    assertEquals(5, dayThree.tasks().size());
    assertEquals(0, dayThree.resentUrls());
    assertEquals(jobId, dayThree.jobId().orElseThrow());
    assertEachAcceptedOnce(urls);
    job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.DONE, job.state());
    assertEquals(25, job.taskIds().size());
    IllegalArgumentException done = assertThrows(IllegalArgumentException.class, () -> JobStore.at(state).resume(jobId));
    assertTrue(done.getMessage().contains("done"), done.getMessage());
  }

  @Test
  void aDailyQuotaOf2500TakesExactly2500AndTheSameDayResumeSendsNothing() {
    // given
    start(10_000);
    List<String> urls = SubmitTest.awkwardUrls(6_000);
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class,
        () -> refresh(urls).dailyQuota(2_500).batch().submit());
    // then: 1000, 1000 and the first 500 of the third request
    assertEquals(List.of(1000, 1000, 500), e.tasks().stream().map(Task::count).collect(Collectors.toList()));
    assertEquals(3_500, e.pendingUrls());
    assertEquals(2_500, acceptedCounts().size());
    int sent = emulator.requests().size();
    assertThrows(QuotaExhaustedException.class, this::resume);
    assertEquals(sent, emulator.requests().size());
    assertEquals(2_500, JobStore.at(state).list().get(0).acceptedUrls());
  }

  @Test
  void onApiThreeTheServiceSaysWhatIsLeftAndTheJobResumesTheNextDay() {
    // given: 2,500 a day per area, of which another tool already spent 500 today
    start(2_500);
    connected(Refresh.urls(SubmitTest.awkwardUrls(600).subList(100, 600)).api(Api.V2)).api(Api.V3)
        .endpoint(emulator.endpointV3()).area(Area.MAINLAND).batch().submit();
    List<String> urls = SubmitTest.awkwardUrls(3_000);
    Refresh v3 = refresh(urls).api(Api.V3).endpoint(emulator.endpointV3()).area(Area.MAINLAND);
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> v3.batch().submit());
    // then: DescribePurgeQuota's Available (2,000), not a constant, and no ExceedDayLimit refusal
    assertEquals(2_000, e.tasks().stream().mapToInt(Task::count).sum());
    assertTrue(emulator.requests().stream().allMatch(RecordedRequest::accepted));
    // when: the next day, resumed with the job's own API and endpoint
    clock.advance(Duration.ofDays(1));
    Submission rest = JobStore.at(state).resume(null).credentials(ID, KEY).with(it -> it.clock = clock).batch().submit();
    // then
    assertEquals(1_000, rest.urlCount());
    assertEquals(List.of("DescribePurgeQuota", "PurgeUrlsCache"), emulator.requests().subList(
        emulator.requests().size() - 2, emulator.requests().size()).stream()
        .map(RecordedRequest::action).collect(Collectors.toList()));
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
    assertEquals(Api.V3, JobStore.at(state).list().get(0).api());
  }

  @Test
  void theLedgerSharesTheQuotaBetweenJobsOfOneAccount() {
    // given: a first job takes 6,000 of the day's 10,000
    start(20_000);
    refresh(SubmitTest.awkwardUrls(6_000)).batch().submit();
    List<String> more = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      more.add("https://img.test.com/more/" + i + ".png");
    }
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> refresh(more).batch().submit());
    // then
    assertEquals(4_000, e.tasks().stream().mapToInt(Task::count).sum());
    assertEquals(2_000, e.pendingUrls());
    assertEquals(2, JobStore.at(state).list().size());
  }

  @Test
  void twoJobsOfOneAccountAtOnceNeverTakeMoreThanTheQuota() throws Exception {
    // given: two jobs of 6,000 in one JVM, against a day of 10,000
    start(20_000);
    List<String> other = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      other.add("https://img.test.com/other/" + i + ".png");
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Integer>> jobs = new ArrayList<>();
      for (List<String> urls : List.of(SubmitTest.awkwardUrls(6_000), other)) {
        jobs.add(pool.submit(() -> {
          try {
            return refresh(urls).batch(500).submit().urlCount();
          } catch (QuotaExhaustedException e) {
            return e.tasks().stream().mapToInt(Task::count).sum();
          }
        }));
      }
      // when
      int accepted = jobs.get(0).get() + jobs.get(1).get();
      // then
      assertEquals(10_000, accepted);
      assertEquals(10_000, acceptedCounts().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLostAnswerIsResentOnResumeAndReportedAsSuch() {
    // given: the third answer comes too late
    start(10_000);
    List<String> urls = SubmitTest.awkwardUrls(5_000);
    List<Task> told = new ArrayList<>();
    // A timeout long enough that a loaded machine answers the first two in time, far shorter than the delay.
    Refresh refresh = refresh(urls).retries(0).timeout(Duration.ofSeconds(3));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit(task -> {
      told.add(task);
      if (told.size() == 2) {
        emulator.delay(Duration.ofSeconds(30));
      }
    }));
    emulator.delay(Duration.ZERO);
    // then
    assertTrue(e.mayHaveReachedService());
    assertEquals(Job.State.UNFINISHED, JobStore.at(state).list().get(0).state());
    assertEquals(e.jobId(), Optional.of(JobStore.at(state).list().get(0).id()));
    // when: resumed under a quota of 3,500, of which the lost request counts as spent (it may have been acted on)
    QuotaExhaustedException short_ = assertThrows(QuotaExhaustedException.class,
        () -> connected(JobStore.at(state).resume(null)).dailyQuota(3_500).batch().submit());
    // then: 500 more were sent, and the stop still tells that the lost request's URLs go out again
    assertEquals(500, short_.tasks().stream().mapToInt(Task::count).sum());
    assertEquals(1_000, short_.resentUrls());
    Submission resumed = resume();
    assertEquals(500, resumed.resentUrls(), "of the lost request's 1,000, 500 went out in the short resume");
    assertEquals(3, resumed.tasks().size());
    Map<String, Integer> counts = acceptedCounts();
    assertEquals(5_000, counts.size());
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
  }

  @Test
  void fourParallelSendersRetryServiceUnavailableAndLandEveryUrlOnce() {
    // given
    start(100_000);
    List<String> urls = SubmitTest.awkwardUrls(20_000);
    emulator.failNext(3, 503);
    // when
    Submission s = refresh(urls).dailyQuota(100_000).parallel(4).batch().submit();
    // then: tasks in request order, whatever order the answers came in
    assertEquals(20, s.tasks().size());
    List<String> sent = new ArrayList<>();
    s.tasks().forEach(task -> sent.addAll(task.urls()));
    assertEquals(urls, sent);
    assertEachAcceptedOnce(urls);
    assertEquals(20 + 3, emulator.requests().size());
    Job job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.DONE, job.state());
    assertEquals(20_000, job.acceptedUrls());
  }

  @Test
  void fourParallelSendersStoppedByAFailureAccountForEveryUrlAndResumeTheRest() {
    // given: an answer lost for good half-way
    start(100_000);
    List<String> urls = SubmitTest.awkwardUrls(20_000);
    List<Task> told = new ArrayList<>();
    // when
    RefreshException e = assertThrows(RefreshException.class, () -> refresh(urls).dailyQuota(100_000).parallel(4)
        .retries(0).batch().submit(task -> {
          told.add(task);
          if (told.size() == 8) {
            emulator.failNext(1, 502);
          }
        }));
    // then: accepted, failed and unsent are the whole job, each URL once
    List<String> accounted = new ArrayList<>();
    e.tasks().forEach(task -> accounted.addAll(task.urls()));
    accounted.addAll(e.failedUrls());
    accounted.addAll(e.unsentUrls());
    assertEquals(urls.size(), accounted.size());
    assertEquals(urls.size(), accounted.stream().distinct().count());
    assertEquals(told.size(), e.tasks().size(), "every task created was told, once");
    assertTrue(e.tasks().size() >= 8 && e.tasks().size() < 20, e.getMessage());
    Job job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.UNFINISHED, job.state());
    assertEquals(e.tasks().stream().mapToInt(Task::count).sum(), job.acceptedUrls());
    // when: resumed with four senders
    Submission rest = connected(JobStore.at(state).resume(job.id())).parallel(4).batch().submit();
    // then
    assertEquals(urls.size() - job.acceptedUrls(), rest.urlCount());
    assertEachAcceptedOnce(urls);
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
  }

  @Test
  void aResumedJobCannotBeFilteredDifferentlyForItsJournalNamesUrlsByPlace() {
    // given: a job refused for a wrong key, one of whose URLs is too long for a GET
    start(10_000);
    String longUrl = "https://www.test.com/" + "a".repeat(29_000) + ".png";
    assertThrows(RefusedException.class, () -> Refresh.urls(longUrl, "https://www.test.com/short.png").api(Api.V2)
        .credentials(ID, "wrong-key").endpoint(emulator.endpoint()).with(it -> it.clock = clock).stateDir(state).batch().submit());
    int sent = emulator.requests().size();
    // when: resumed (by id: a bare resume passes a refused job over) as GETs that would skip the long one
    String id = JobStore.at(state).list().get(0).id();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> connected(JobStore.at(state).resume(id)).method(HttpMethod.GET).skipInvalid().batch());
    // then
    assertTrue(e.getMessage().contains("resumed"), e.getMessage());
    assertEquals(sent, emulator.requests().size());
  }

  @Test
  void aResumeIsRefusedWhileTheJobRunsAndWhenTheJobChangedSinceItWasRead() throws Exception {
    // given: a job stopped half-way, and two resumptions of it read at once
    start(10_000);
    List<String> urls = SubmitTest.awkwardUrls(3_000);
    assertThrows(QuotaExhaustedException.class, () -> refresh(urls).dailyQuota(1_000).batch().submit());
    Plan first = connected(JobStore.at(state).resume(null)).dailyQuota(10_000).batch();
    Plan second = connected(JobStore.at(state).resume(null)).dailyQuota(10_000).batch();
    java.util.concurrent.CountDownLatch inFirst = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<Submission> running = pool.submit(() -> first.submit(task -> {
        inFirst.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      assertTrue(inFirst.await(1, java.util.concurrent.TimeUnit.MINUTES));
      // when: the second is submitted while the first runs
      IllegalStateException whileRunning = assertThrows(IllegalStateException.class, second::submit);
      release.countDown();
      Submission done = running.get(1, java.util.concurrent.TimeUnit.MINUTES);
      // and again once the first is done
      IllegalStateException stale = assertThrows(IllegalStateException.class, second::submit);
      // then: each URL went once
      assertTrue(whileRunning.getMessage().contains("running"), whileRunning.getMessage());
      assertTrue(stale.getMessage().contains("changed since"), stale.getMessage());
      assertEquals(2_000, done.urlCount());
      assertEachAcceptedOnce(urls);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptStopsTheJobWithItsJournalWhole() throws Exception {
    // given: a retry whose wait is interrupted
    start(10_000);
    emulator.failNext(1, 503);
    java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    Refresh refresh = refresh(SubmitTest.awkwardUrls(2_000)).with(it -> it.sleeper = wait -> {
      waiting.countDown();
      Thread.sleep(60_000);
    });
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
    Thread submitter = new Thread(() -> {
      try {
        refresh.batch().submit();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    submitter.start();
    assertTrue(waiting.await(1, java.util.concurrent.TimeUnit.MINUTES));
    // when
    submitter.interrupt();
    submitter.join(60_000);
    // then: an ordinary stop, recorded to the end, and the rest resumable
    assertTrue(thrown.get() instanceof NoAnswerException, String.valueOf(thrown.get()));
    Job job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.UNFINISHED, job.state());
    List<String> lines = Files.readAllLines(state.resolve("jobs").resolve(job.id()).resolve("journal.jsonl"));
    assertTrue(lines.get(lines.size() - 1).contains("\"stop\""), lines.toString());
    assertEquals(2_000, resume().urlCount());
  }

  @Test
  void aSenderThatFailsUnexpectedlyStopsTheOthersAndLeavesTheJobResumable() {
    // given: a nonce source that breaks on the third request, with four senders
    start(100_000);
    List<String> urls = SubmitTest.awkwardUrls(10_000);
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    // when
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> refresh(urls).parallel(4)
        .dailyQuota(100_000).with(it -> it.nonces = () -> {
          if (calls.incrementAndGet() == 3) {
            throw new IllegalStateException("broken nonce source");
          }
          return calls.get();
        }).batch().submit());
    // then
    assertEquals("broken nonce source", e.getMessage());
    Job job = JobStore.at(state).list().get(0);
    assertEquals(Job.State.UNFINISHED, job.state());
    assertTrue(job.acceptedUrls() < urls.size());
    connected(JobStore.at(state).resume(job.id())).batch().submit();
    assertEachAcceptedOnce(urls);
  }

  @Test
  void theStateDirectoryHoldsNoSecret() throws IOException {
    // given
    start(10_000);
    // when
    refresh(SubmitTest.awkwardUrls(1_500)).batch().submit();
    // then
    List<Path> files;
    try (Stream<Path> walk = Files.walk(state)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertFalse(text.contains(KEY), file.toString());
      assertFalse(text.contains(ID), file.toString());
    }
  }
}
