package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Prefetch (PushUrlsCache, DescribePushTasks, DescribePushQuota) through the library, against WireMock. */
class PrefetchTest {
  private static final String ID = "AKIDprefetchEXAMPLE0001";
  private static final String KEY = "prefetchSecretKeyEXAMPLE";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  private static final ApiV3Stubs stubs = new ApiV3Stubs(server);

  @TempDir Path state;
  private final FakeTime time = new FakeTime("2026-11-30T02:00:00Z");

  private Refresh v3(Refresh refresh) {
    return time.on(refresh.api(Api.V3).credentials(ID, KEY).endpoint(server.url("/")));
  }


  private static List<String> urls(int n) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urls.add("https://www.test.com/" + i + ".jpg");
    }
    return urls;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> urlsOf(LoggedRequest request) throws Exception {
    return (List<Object>) JSON.std.mapFrom(request.getBodyAsString()).get("Urls");
  }

  @Test
  void sendsPushUrlsCacheWithEveryOptionUnderTheSdkFieldNames() {
    // given
    stubs.pushQuota(1000);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    // when
    Submission s = v3(Refresh.urls("https://www.test.com/a.m3u8").prefetch().area(Area.GLOBAL).userAgent("Warm/1.0")
        .header("X-Origin-Key", "abc").middleLayer().parseM3u8().disableRange().urlEncode()).batch().submit();
    // then
    assertEquals("push-1", s.tasks().get(0).taskId());
    assertEquals("{\"Urls\":[\"https://www.test.com/a.m3u8\"],\"Area\":\"global\",\"UserAgent\":\"Warm/1.0\","
        + "\"Layer\":\"middle\",\"ParseM3U8\":true,\"DisableRange\":true,"
        + "\"Headers\":[{\"Name\":\"X-Origin-Key\",\"Value\":\"abc\"}],\"UrlEncode\":true}",
        stubs.asked("PushUrlsCache").get(0).getBodyAsString());
    assertTrue(stubs.asked("PurgeUrlsCache").isEmpty());
    assertTrue(stubs.asked("DescribePurgeQuota").isEmpty(), "a prefetch asks its own quota only");
  }

  @Test
  void aJobLargerThanThePrefetchQuotaSendsWhatFitsInRequestsOf500AndResumesTheRest() {
    // given 1,200 URLs with 1,100 prefetches left today
    stubs.pushQuota(1100);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    Refresh refresh = v3(Refresh.urls(urls(1200)).prefetch().userAgent("Warm/1.0")).stateDir(state);
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> refresh.batch().submit());
    // then
    List<Integer> sizes = new ArrayList<>();
    for (LoggedRequest request : stubs.asked("PushUrlsCache")) {
      sizes.add(assertDoesNotThrowSize(request));
    }
    assertEquals(List.of(500, 500, 100), sizes);
    assertEquals(100, e.pendingUrls());
    JobStore.Job job = JobStore.at(state).list().get(0);
    assertEquals(JobStore.Job.State.QUOTA, job.state());
    assertEquals(1100, job.acceptedUrls());
    // when the quota returns
    server.resetAll();
    stubs.pushQuota(1000);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-2\"");
    Submission resumed = time.on(JobStore.at(state).resume(job.id()).credentials(ID, KEY)).batch().submit();
    // then the rest is prefetched with the job's own options
    assertEquals(100, resumed.urlCount());
    assertTrue(stubs.asked("PushUrlsCache").get(0).getBodyAsString().contains("\"UserAgent\":\"Warm/1.0\""));
    assertEquals(JobStore.Job.State.DONE, JobStore.at(state).list().get(0).state());
  }

  private static int assertDoesNotThrowSize(LoggedRequest request) {
    try {
      return urlsOf(request).size();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void awaitPollsDescribePushTasksUntilDoneWithThePercent() {
    // given
    stubs.pushQuota(1000);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribePushTasks")).inScenario("warming")
        .willReturn(okJson(pushLogs("process", 40))).willSetStateTo("warm"));
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribePushTasks")).inScenario("warming")
        .whenScenarioStateIs("warm").willReturn(okJson(pushLogs("done", 100))));
    Submission s = v3(Refresh.urls("https://www.test.com/1.jpg", "https://www.test.com/2.jpg").prefetch()).batch()
        .submit();
    // when
    List<TaskStatus> statuses = s.await(Duration.ofMinutes(5));
    // then
    assertEquals(TaskStatus.State.DONE, statuses.get(0).state());
    assertEquals(100, statuses.get(0).percent().getAsInt());
    assertEquals(2, stubs.asked("DescribePushTasks").size());
    assertTrue(stubs.asked("DescribePushTasks").get(0).getBodyAsString().contains("\"TaskId\":\"push-1\""));
    assertTrue(stubs.asked("DescribePurgeTasks").isEmpty());
  }

  private static String pushLogs(String status, int percent) {
    return "{\"Response\":{\"PushLogs\":[" + row("push-1", "https://www.test.com/2.jpg", status, percent) + ","
        + row("push-1", "https://www.test.com/1.jpg", status, percent) + "],\"TotalCount\":2,\"RequestId\":\"r\"}}";
  }

  private static String row(String task, String url, String status, int percent) {
    return "{\"TaskId\":\"" + task + "\",\"Url\":\"" + url + "\",\"Status\":\"" + status + "\",\"Percent\":" + percent
        + ",\"CreateTime\":\"2026-11-30 10:00:00\",\"Area\":\"mainland\",\"UpdateTime\":\"2026-11-30 10:00:05\"}";
  }

  @Test
  void purgeFirstPurgesWaitsForThePurgeThenPrefetchesTheSameUrlsAsOneJob() throws Exception {
    // given
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[],\"PathPurge\":[]");
    stubs.pushQuota(1000);
    stubs.answer("PurgeUrlsCache", "\"TaskId\":\"purge-1\"");
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[{\"TaskId\":\"purge-1\",\"Url\":\"https://www.test.com/1.jpg\","
        + "\"Status\":\"done\",\"CreateTime\":\"2026-11-30 10:00:00\"}],\"TotalCount\":1");
    // No row is failed or still processing: the poll's filtered pages are empty.
    server.stubFor(post("/").atPriority(1).withHeader("X-TC-Action", equalTo("DescribePurgeTasks"))
        .withRequestBody(containing("\"Status\"")).willReturn(okJson(
            "{\"Response\":{\"PurgeLogs\":[],\"TotalCount\":0,\"RequestId\":\"r\"}}")));
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    List<String> seen = new ArrayList<>();
    // when
    Submission s = v3(Refresh.urls("https://www.test.com/1.jpg").prefetch().purgeFirst(Duration.ofMinutes(10)))
        .stateDir(state).batch().submit(task -> seen.add(task.taskId()));
    // then
    assertEquals(List.of("purge-1", "push-1"), seen);
    assertEquals("push-1", s.tasks().get(0).taskId());
    List<String> order = new ArrayList<>();
    for (com.github.tomakehurst.wiremock.stubbing.ServeEvent event : server.getAllServeEvents()) {
      order.add(0, event.getRequest().getHeader("X-TC-Action"));
    }
    order.removeIf(a -> a.endsWith("Quota"));
    for (int i = order.size() - 1; i > 0; i--) {
      if (order.get(i).equals(order.get(i - 1))) {
        order.remove(i); // the purge's status is asked a page at a time
      }
    }
    assertEquals(List.of("PurgeUrlsCache", "DescribePurgeTasks", "PushUrlsCache"), order);
    JobStore.Job job = JobStore.at(state).list().get(0);
    assertEquals(JobStore.Job.State.DONE, job.state());
    assertEquals(List.of("purge-1", "push-1"), job.taskIds());
  }

  @Test
  void aFailedPurgeStopsBeforeThePrefetchAndResumingPrefetchesEveryUrl() {
    // given
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[],\"PathPurge\":[]");
    stubs.pushQuota(1000);
    stubs.answer("PurgeUrlsCache", "\"TaskId\":\"purge-1\"");
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[{\"TaskId\":\"purge-1\",\"Url\":\"https://www.test.com/1.jpg\","
        + "\"Status\":\"fail\",\"CreateTime\":\"2026-11-30 10:00:00\"}],\"TotalCount\":1");
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    Refresh refresh = v3(Refresh.urls("https://www.test.com/1.jpg", "https://www.test.com/2.jpg").prefetch()
        .purgeFirst(Duration.ofMinutes(10))).stateDir(state);
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    assertTrue(e.getMessage().contains("purge-1 failed"), e.getMessage());
    assertTrue(stubs.asked("PushUrlsCache").isEmpty(), "nothing prefetched before the purge took effect");
    JobStore.Job job = JobStore.at(state).list().get(0);
    assertEquals(JobStore.Job.State.UNFINISHED, job.state());
    assertEquals(2, job.pendingUrls());
    // when
    Submission resumed = time.on(JobStore.at(state).resume(job.id()).credentials(ID, KEY)).batch().submit();
    // then
    assertEquals(2, resumed.urlCount());
    assertEquals(1, stubs.asked("PurgeUrlsCache").size(), "the purge is not sent again");
    assertEquals(1, stubs.asked("PushUrlsCache").size());
    assertEquals(JobStore.Job.State.DONE, JobStore.at(state).list().get(0).state());
  }

  @Test
  void theLegacyApiRefusesAPrefetchAndSendsNothing() {
    // when
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> v3(Refresh.urls("https://www.test.com/1.jpg").prefetch()).api(Api.V2).batch());
    // then
    assertTrue(e.getMessage().contains("API 3.0 only"), e.getMessage());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void prefetchOptionsNeedAPrefetchAndHeadersAreChecked() {
    assertThrows(IllegalStateException.class, () -> Refresh.urls("https://www.test.com/1.jpg").userAgent("x"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Refresh.urls("https://www.test.com/1.jpg").prefetch().header("Bad Name", "v"));
    assertTrue(bad.getMessage().contains("Bad Name"), bad.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Refresh.urls("https://www.test.com/1.jpg").prefetch().header("X-A", "one\r\nX-B: two"));
    assertThrows(IllegalArgumentException.class, () -> v3(Refresh.urls("https://www.test.com/1.jpg"))
        .area(Area.GLOBAL).batch());
  }

  @Test
  void accountQuotaListsThePrefetchQuotaAfterThePurgeQuotas() {
    // given
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[{\"Area\":\"mainland\",\"Batch\":1000,\"Total\":10000,"
        + "\"Available\":9000}],\"PathPurge\":[]");
    stubs.pushQuota(700);
    // when
    List<Quota> quotas = Account.of(v3(Refresh.urls())).quota();
    // then
    assertEquals(List.of(Quota.Kind.URLS, Quota.Kind.PREFETCH, Quota.Kind.PREFETCH),
        List.of(quotas.get(0).kind(), quotas.get(1).kind(), quotas.get(2).kind()));
    assertEquals(700, quotas.get(1).available());
    assertEquals(500, quotas.get(1).batch());
  }

  @Test
  void taskStatusFindsAPushTaskByIdAndListsPushTasksForAPrefetchAccount() {
    // given
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[],\"TotalCount\":0");
    stubs.answer("DescribePushTasks", "\"PushLogs\":[" + row("push-1", "https://www.test.com/1.jpg", "process", 30)
        + "],\"TotalCount\":1");
    // when
    TaskStatus byId = Account.of(v3(Refresh.urls())).taskStatus("push-1");
    List<TaskStatus> since = Account.of(v3(Refresh.urls().prefetch())).taskStatus(
        Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-11-30T03:00:00Z"));
    // then
    assertEquals(TaskStatus.State.PROCESSING, byId.state());
    assertEquals(30, byId.percent().getAsInt());
    assertEquals(1, since.size());
    assertEquals("push-1", since.get(0).taskId());
    Map<String, Object> filter = null;
    try {
      filter = JSON.std.mapFrom(stubs.asked("DescribePushTasks").get(1).getBodyAsString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals("2026-11-30 08:00:00", filter.get("StartTime"));
    assertFalse(filter.containsKey("TaskId"));
  }

  @Test
  void anIdNeitherListKnowsIsUnknownEvenWhenTheAccountMayNotListPrefetchTasks() {
    // given
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[],\"TotalCount\":0");
    stubs.answer("DescribePushTasks", "\"Error\":{\"Code\":\"UnauthorizedOperation.CdnCamUnauthorized\","
        + "\"Message\":\"no\"}");
    // when
    TaskStatus status = Account.of(v3(Refresh.urls())).taskStatus("nobody-knows");
    // then
    assertEquals(TaskStatus.State.UNKNOWN, status.state());
    assertEquals(1, stubs.asked("DescribePushTasks").size());
  }

  @Test
  void theLegacyApiRefusesToListPrefetchTasksAndSendsNothing() {
    // when
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Account.of(
        v3(Refresh.urls().prefetch()).api(Api.V2)).taskStatus(Instant.EPOCH, Instant.EPOCH.plusSeconds(60)));
    // then
    assertTrue(e.getMessage().contains("API 3.0 only"), e.getMessage());
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aPurgeFirstJobStoppedByThePurgeQuotaResumesAtThePurgeThenPrefetchesEveryUrl() {
    // given one purge left today for two URLs
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[{\"Area\":\"mainland\",\"Batch\":1000,\"Total\":10000,"
        + "\"Available\":1}],\"PathPurge\":[]");
    stubs.pushQuota(1000);
    stubs.answer("PurgeUrlsCache", "\"TaskId\":\"purge-1\"");
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[{\"TaskId\":\"purge-2\",\"Url\":\"https://www.test.com/2.jpg\","
        + "\"Status\":\"done\",\"CreateTime\":\"2026-11-30 10:00:00\"}],\"TotalCount\":1");
    server.stubFor(post("/").atPriority(1).withHeader("X-TC-Action", equalTo("DescribePurgeTasks"))
        .withRequestBody(containing("\"Status\"")).willReturn(okJson(
            "{\"Response\":{\"PurgeLogs\":[],\"TotalCount\":0,\"RequestId\":\"r\"}}")));
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    Refresh refresh = v3(Refresh.urls("https://www.test.com/1.jpg", "https://www.test.com/2.jpg").prefetch()
        .purgeFirst(Duration.ofMinutes(10))).stateDir(state);
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class, () -> refresh.batch().submit());
    // then
    assertEquals(1, e.pendingUrls());
    assertTrue(stubs.asked("PushUrlsCache").isEmpty());
    JobStore.Job job = JobStore.at(state).list().get(0);
    assertEquals(JobStore.Job.State.QUOTA, job.state());
    // when the purge quota is back
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[{\"Area\":\"mainland\",\"Batch\":1000,\"Total\":10000,"
        + "\"Available\":10000}],\"PathPurge\":[]");
    stubs.answer("PurgeUrlsCache", "\"TaskId\":\"purge-2\"");
    Submission resumed = time.on(JobStore.at(state).resume(job.id()).credentials(ID, KEY)).batch().submit();
    // then the rest is purged, then every URL prefetched
    assertEquals(2, stubs.asked("PurgeUrlsCache").size());
    assertTrue(stubs.asked("PurgeUrlsCache").stream().anyMatch(request -> request.getBodyAsString()
        .equals("{\"Urls\":[\"https://www.test.com/2.jpg\"]}")), "the resumed purge carries the rest alone");
    assertEquals(2, resumed.urlCount());
    assertEquals(1, stubs.asked("PushUrlsCache").size());
    assertEquals(JobStore.Job.State.DONE, JobStore.at(state).list().get(0).state());
    assertEquals(List.of("purge-1", "purge-2", "push-1"), JobStore.at(state).list().get(0).taskIds());
  }
}
