package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.emulator.Emulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Submission.await: polls with a doubling interval (2 s up to 30 s) until done, failed or the timeout; no real sleeping. */
class WaitingTest {
  private static final String ID = "AKIDwaitingEXAMPLE00001";
  private static final String KEY = "waitingSecretKeyEXAMPLE";

  private final FakeTime time = new FakeTime("2026-11-27T04:00:00Z");
  private Emulator emu;

  @AfterEach
  void stop() {
    if (emu != null) {
      emu.close();
    }
  }

  private void start(Duration taskCompletion) {
    emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(time).taskCompletion(taskCompletion)
        .failingTasks("/broken/").start();
  }

  private Submission submitV3(String... urls) {
    Submission s = time.on(Refresh.urls(urls).credentials(ID, KEY).api(Api.V3).endpoint(emu.endpointV3())).batch().submit();
    time.sleeps.clear();
    return s;
  }

  /** What Refresh's seams would set, for a Waiting built by hand. */
  private Settings settings(Api api) {
    return new Settings().with(s -> {
      s.api = api;
      s.endpoint = api == Api.V3 ? emu.endpointV3() : emu.endpoint();
      s.credentials = new Credentials(ID, KEY);
      s.clock = time;
      s.sleeper = time::sleep;
      s.ticker = time::nanos;
      s.jitter = () -> 1.0;
    });
  }

  /** DescribePurgeTasks requests: on API 3.0 each poll of a task asks "any failed?", "any processing?", "any at all?" and stops at the first yes. */
  private long polls() {
    return emu.requests().stream().filter(r -> r.action().equals("DescribePurgeTasks")).count();
  }

  /** The waits between polls, in whole seconds, without any under a second that pacing would add. */
  private List<Long> pollWaits() {
    return time.sleeps.stream().filter(wait -> wait.getSeconds() >= 1)
        .map(Duration::getSeconds).collect(Collectors.toList());
  }

  private static List<TaskStatus.State> states(List<TaskStatus> statuses) {
    return statuses.stream().map(TaskStatus::state).collect(Collectors.toList());
  }

  @Test
  void pollsUntilDoneWaitingTwoThenFourSeconds() {
    // given
    start(Duration.ofSeconds(5));
    Submission s = submitV3("https://www.test.com/1.jpg");
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(10));
    // then
    assertEquals(List.of(TaskStatus.State.DONE), states(statuses));
    assertEquals(s.tasks().get(0).taskId(), statuses.get(0).taskId());
    assertEquals(List.of(2L, 4L), pollWaits());
    // processing at 0 s and 2 s (failed? no; processing? yes), done at 6 s (no, no, recorded: yes)
    assertEquals(2 + 2 + 3, polls());
  }

  @Test
  void theIntervalDoublesUpToThirtySeconds() {
    // given
    start(Duration.ofMinutes(2));
    Submission s = submitV3("https://www.test.com/1.jpg");
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(10));
    // then
    assertEquals(List.of(TaskStatus.State.DONE), states(statuses));
    assertEquals(List.of(2L, 4L, 8L, 16L, 30L, 30L, 30L), pollWaits());
  }

  @Test
  void stopsAtTheTimeoutWithTheLastStatusAndNeverWaitsPastIt() {
    // given
    start(Duration.ofMinutes(10));
    Submission s = submitV3("https://www.test.com/1.jpg");
    // when
    List<TaskStatus> statuses = s.await(Duration.ofSeconds(20));
    // then
    assertEquals(List.of(TaskStatus.State.PROCESSING), states(statuses));
    // the last wait is what is left of the 20 s after the others (a poll's few requests fit in a second's calls, so
    // pacing adds none), and the last poll is at the timeout
    assertEquals(List.of(2L, 4L, 8L, 6L), pollWaits());
    assertEquals(Duration.ofSeconds(20), time.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    assertEquals(5 * 2, polls());
  }

  @Test
  void aFailedTaskIsFinalAndStopsThePolling() {
    // given
    start(Duration.ofSeconds(5));
    Submission s = submitV3("https://www.test.com/broken/1.jpg");
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(10));
    // then
    assertEquals(List.of(TaskStatus.State.FAILED), states(statuses));
    // processing at 0 s and 2 s; at 6 s the first question, "any failed?", is answered yes
    assertEquals(2 + 2 + 1, polls());
  }

  @Test
  void statusesComeInTheOrderOfTheTasksAndADoneTaskIsNotAskedAgain() {
    // given
    start(Duration.ofSeconds(5));
    Submission first = submitV3("https://www.test.com/1.jpg");
    time.advance(Duration.ofSeconds(3));
    Submission second = submitV3("https://www.test.com/2.jpg");
    Submission both = new Submission(List.of(second.tasks().get(0), first.tasks().get(0)), null, 0,
        new Waiting(settings(Api.V3), HttpClient.newHttpClient())::await);
    // when
    List<TaskStatus> statuses = both.await(Duration.ofMinutes(1));
    // then
    assertEquals(second.tasks().get(0).taskId(), statuses.get(0).taskId());
    assertEquals(first.tasks().get(0).taskId(), statuses.get(1).taskId());
    assertEquals(List.of(TaskStatus.State.DONE, TaskStatus.State.DONE), states(statuses));
    // Both are asked at 3 s (2 requests each) and at 5 s, when the first is done (3) and the second is not (2);
    // at 9 s only the second, done (3).
    assertEquals(4 + 5 + 3, polls());
  }

  @Test
  void aTaskOfAThousandUrlsIsPolledWithThreeOneRowQuestionsNotFiftyPages() {
    // given
    start(Duration.ofSeconds(5));
    List<String> urls = SubmitTest.awkwardUrls(1000).stream().filter(u -> u.contains("www.test.com"))
        .collect(Collectors.toList());
    Submission s = time.on(Refresh.urls(urls).credentials(ID, KEY).api(Api.V3).endpoint(emu.endpointV3()))
        .batch().submit();
    time.advance(Duration.ofSeconds(10));
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(1));
    // then
    assertEquals(List.of(TaskStatus.State.DONE), states(statuses));
    assertEquals(3, polls());
    assertEquals(urls, statuses.get(0).urls());
  }

  @Test
  void legacyPollingWorksTheSameWay() {
    // given
    start(Duration.ofSeconds(5));
    Submission s = time.on(Refresh.urls("https://www.test.com/1.jpg").api(Api.V2).credentials(ID, KEY).endpoint(emu.endpoint()))
        .batch().submit();
    time.sleeps.clear();
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(1));
    // then
    assertEquals(List.of(TaskStatus.State.DONE), states(statuses));
    assertEquals(List.of("https://www.test.com/1.jpg"), statuses.get(0).urls());
    assertEquals(3, emu.requests().stream().filter(r -> r.action().equals("GetCdnRefreshLog")).count());
  }

  @Test
  void aTaskWithoutAnIdIsUnknownAtOnceAndNothingIsSent() {
    // given
    start(Duration.ofSeconds(5));
    Task legacyDir = new Task("", 2, List.of("https://www.test.com/a/", "https://www.test.com/b/"));
    Submission s = new Submission(List.of(legacyDir), null, 0,
        new Waiting(settings(Api.V2), HttpClient.newHttpClient())::await);
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(1));
    // then
    assertEquals(TaskStatus.State.UNKNOWN, statuses.get(0).state());
    assertEquals(legacyDir.urls(), statuses.get(0).urls());
    assertTrue(emu.requests().isEmpty());
    assertTrue(time.sleeps.isEmpty());
  }

  @Test
  void aNegativeTimeoutIsRefused() {
    // given
    start(Duration.ofSeconds(5));
    Submission s = submitV3("https://www.test.com/1.jpg");
    // when / then
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.await(Duration.ofSeconds(-1)));
    assertTrue(e.getMessage().contains("PT-1S"), e.getMessage());
  }
}
