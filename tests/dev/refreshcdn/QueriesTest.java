package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task status and quota on both APIs: what is asked on the wire and how the answers read. */
class QueriesTest {
  private static final String ID = "AKIDqueriesEXAMPLE00001";
  private static final String KEY = "queriesSecretKeyEXAMPLE";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** 04:00:00 UTC is 12:00:00 in Beijing. */
  private final FakeTime time = new FakeTime("2026-11-27T04:00:00Z");
  private Emulator emu;

  @BeforeEach
  void start() {
    emu = Emulator.builder().account(ID, KEY, "www.test.com", "img.test.com").clock(time)
        .taskCompletion(Duration.ofSeconds(5)).failingTasks("/broken/").start();
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  private Refresh v2(Refresh refresh) {
    return time.on(refresh.credentials(ID, KEY).api(Api.V2).endpoint(emu.endpoint()));
  }

  private Refresh v3(Refresh refresh) {
    return time.on(refresh.credentials(ID, KEY).api(Api.V3).endpoint(emu.endpointV3()));
  }

  private Account stubbed() {
    return Account.of(time.on(Refresh.urls().credentials(ID, KEY).api(Api.V3).endpoint(server.url("/"))));
  }

  private static List<String> urls(int n) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urls.add("https://www.test.com/" + i + ".jpg");
    }
    return urls;
  }

  private List<RecordedRequest> asked(String action) {
    return emu.requests().stream().filter(r -> r.action().equals(action)).collect(Collectors.toList());
  }

  @Test
  void legacyStatusByTaskIdIsProcessingThenDone() {
    // given
    Task task = v2(Refresh.urls(urls(2))).batch().submit().tasks().get(0);
    // when
    TaskStatus running = Account.of(v2(Refresh.urls())).taskStatus(task.taskId());
    time.advance(Duration.ofSeconds(5));
    TaskStatus done = Account.of(v2(Refresh.urls())).taskStatus(task.taskId());
    // then
    assertEquals(TaskStatus.State.PROCESSING, running.state());
    assertEquals(TaskStatus.State.DONE, done.state());
    assertEquals(task.taskId(), done.taskId());
    assertEquals(urls(2), done.urls());
    assertEquals("2026-11-27 12:00:00", done.created());
    assertEquals(Map.of("taskId", task.taskId()), withoutCommon(asked("GetCdnRefreshLog").get(0).params()));
  }

  private static Map<String, String> withoutCommon(Map<String, String> params) {
    return params.entrySet().stream()
        .filter(e -> !List.of("Action", "Nonce", "SecretId", "Timestamp", "SignatureMethod").contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void legacyStatusOfATaskWithAFailedRecordIsFailed() {
    // given
    Task task = v2(Refresh.urls("https://www.test.com/ok.jpg", "https://www.test.com/broken/1.jpg")).batch().submit()
        .tasks().get(0);
    time.advance(Duration.ofSeconds(5));
    // when
    TaskStatus status = Account.of(v2(Refresh.urls())).taskStatus(task.taskId());
    // then
    assertEquals(TaskStatus.State.FAILED, status.state());
    assertEquals(2, status.urls().size());
  }

  @Test
  void legacyStatusOfAnUnknownTaskIsUnknown() {
    // when
    TaskStatus status = Account.of(v2(Refresh.urls())).taskStatus("1480069888795584532");
    // then
    assertEquals(TaskStatus.State.UNKNOWN, status.state());
    assertEquals("1480069888795584532", status.taskId());
    assertTrue(status.urls().isEmpty());
  }

  @Test
  void legacyStatusByTimeRangeListsRecordsOldestFirstInBeijingTimeWithoutTaskIds() {
    // given
    v2(Refresh.urls("https://www.test.com/first.jpg")).batch().submit();
    time.advance(Duration.ofMinutes(1));
    v2(Refresh.urls("https://www.test.com/second.jpg")).batch().submit();
    // when
    List<TaskStatus> tasks = Account.of(v2(Refresh.urls())).taskStatus(Instant.parse("2026-11-27T03:59:59.500Z"),
        Instant.parse("2026-11-27T04:01:00.200Z"));
    // then
    assertEquals(2, tasks.size());
    assertEquals(List.of("https://www.test.com/first.jpg"), tasks.get(0).urls());
    assertEquals(List.of("https://www.test.com/second.jpg"), tasks.get(1).urls());
    assertEquals("", tasks.get(0).taskId());
    assertEquals(TaskStatus.State.DONE, tasks.get(0).state());
    assertEquals(TaskStatus.State.PROCESSING, tasks.get(1).state());
    assertEquals(Map.of("startDate", "2026-11-27 11:59:59", "endDate", "2026-11-27 12:01:01"),
        withoutCommon(asked("GetCdnRefreshLog").get(0).params()));
  }

  @Test
  void v3StatusByTaskIdIsProcessingThenDone() {
    // given
    Task task = v3(Refresh.urls(urls(3))).batch().submit().tasks().get(0);
    // when
    TaskStatus running = Account.of(v3(Refresh.urls())).taskStatus(task.taskId());
    time.advance(Duration.ofSeconds(5));
    TaskStatus done = Account.of(v3(Refresh.urls())).taskStatus(task.taskId());
    // then
    assertEquals(TaskStatus.State.PROCESSING, running.state());
    assertEquals(TaskStatus.State.DONE, done.state());
    assertEquals(urls(3), done.urls());
    assertEquals(Map.of("TaskId", task.taskId(), "Offset", "0", "Limit", "1000"), asked("DescribePurgeTasks").get(0).params());
  }

  @Test
  void v3StatusOfATaskWithOneFailedUrlIsFailed() {
    // given
    Task task = v3(Refresh.urls("https://www.test.com/ok.jpg", "https://www.test.com/broken/1.jpg")).batch().submit()
        .tasks().get(0);
    time.advance(Duration.ofSeconds(5));
    // when
    TaskStatus status = Account.of(v3(Refresh.urls())).taskStatus(task.taskId());
    // then
    assertEquals(TaskStatus.State.FAILED, status.state());
  }

  @Test
  void v3StatusOfAThousandUrlTaskTakesOneCall() {
    // given
    Task task = v3(Refresh.urls(urls(1000))).batch().submit().tasks().get(0);
    // when
    TaskStatus status = Account.of(v3(Refresh.urls())).taskStatus(task.taskId());
    // then
    assertEquals(urls(1000), status.urls());
    List<RecordedRequest> pages = asked("DescribePurgeTasks");
    assertEquals(1, pages.size());
    assertEquals("1000", pages.get(0).params().get("Limit"));
  }

  @Test
  void v3StatusPagesOnByTheRowsReceivedWhenTheServiceCapsThePageQuietly() {
    // given: a service that answers at most 2 rows whatever Limit says
    server.stubFor(post("/").withRequestBody(matchingJsonPath("$.Offset", equalTo("0"))).willReturn(okJson(
        page(5, row("a", "https://www.test.com/5", "done", "2018-07-30 18:10:55"),
            row("a", "https://www.test.com/4", "done", "2018-07-30 18:10:55")))));
    server.stubFor(post("/").withRequestBody(matchingJsonPath("$.Offset", equalTo("2"))).willReturn(okJson(
        page(5, row("a", "https://www.test.com/3", "done", "2018-07-30 18:10:55"),
            row("a", "https://www.test.com/2", "done", "2018-07-30 18:10:55")))));
    server.stubFor(post("/").withRequestBody(matchingJsonPath("$.Offset", equalTo("4"))).willReturn(okJson(
        page(5, row("a", "https://www.test.com/1", "process", "2018-07-30 18:10:55")))));
    // when
    TaskStatus status = stubbed().taskStatus("a");
    // then
    assertEquals(List.of("https://www.test.com/1", "https://www.test.com/2", "https://www.test.com/3",
        "https://www.test.com/4", "https://www.test.com/5"), status.urls());
    assertEquals(TaskStatus.State.PROCESSING, status.state());
    server.verify(3, postRequestedFor(urlEqualTo("/")));
    assertEquals(List.of(), time.sleeps, "three calls fit in the 20 a second at once");
  }

  @Test
  void v3StatusAsksAgainWithTheDocumentedPageWhenTheLargeOneIsRefused() {
    // given
    server.stubFor(post("/").withRequestBody(matchingJsonPath("$.Limit", equalTo("1000"))).willReturn(okJson(
        "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter.CdnParamError\",\"Message\":\"Limit\"},"
            + "\"RequestId\":\"r\"}}")));
    server.stubFor(post("/").withRequestBody(matchingJsonPath("$.Limit", equalTo("20"))).willReturn(okJson(
        page(1, row("a", "https://www.test.com/1", "done", "2018-07-30 18:10:55")))));
    // when
    TaskStatus status = stubbed().taskStatus("a");
    // then
    assertEquals(TaskStatus.State.DONE, status.state());
    server.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.Limit", equalTo("1000"))));
    server.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.Limit", equalTo("20"))));
  }

  private static String page(int total, String... rows) {
    return "{\"Response\":{\"PurgeLogs\":[" + String.join(",", rows) + "],\"TotalCount\":" + total
        + ",\"RequestId\":\"r\"}}";
  }

  @Test
  void v3StatusByTimeRangeGroupsRowsByTaskOldestFirst() {
    // given
    Task first = v3(Refresh.urls(urls(2))).batch().submit().tasks().get(0);
    time.advance(Duration.ofMinutes(1));
    Task second = v3(Refresh.urls("https://img.test.com/x.jpg")).batch().submit().tasks().get(0);
    // when
    List<TaskStatus> tasks = Account.of(v3(Refresh.urls())).taskStatus(Instant.parse("2026-11-27T03:59:00Z"),
        Instant.parse("2026-11-27T04:02:00Z"));
    // then
    assertEquals(List.of(first.taskId(), second.taskId()), tasks.stream().map(TaskStatus::taskId).collect(Collectors.toList()));
    assertEquals(urls(2), tasks.get(0).urls());
    assertEquals(TaskStatus.State.DONE, tasks.get(0).state());
    assertEquals(TaskStatus.State.PROCESSING, tasks.get(1).state());
    Map<String, String> asked = asked("DescribePurgeTasks").get(0).params();
    assertEquals("2026-11-27 11:59:00", asked.get("StartTime"));
    assertEquals("2026-11-27 12:02:00", asked.get("EndTime"));
  }

  @Test
  void v3RowsAreGroupedByTaskIdAndAnyFailureOrProcessingDecidesTheState() {
    // given
    server.stubFor(post("/").willReturn(okJson("{\"Response\":{\"PurgeLogs\":["
        + row("b", "https://www.test.com/3", "done", "2018-07-30 18:10:55") + ","
        + row("a", "https://www.test.com/2", "fail", "2018-07-30 18:10:53") + ","
        + row("b", "https://www.test.com/4", "process", "2018-07-30 18:10:55") + ","
        + row("a", "https://www.test.com/1", "done", "2018-07-30 18:10:53") + ","
        + row("c", "https://www.test.com/5", "done", "2018-07-30 18:10:54")
        + "],\"TotalCount\":5,\"RequestId\":\"r\"}}")));
    // when
    List<TaskStatus> tasks = stubbed().taskStatus(Instant.parse("2018-07-30T00:00:00Z"), Instant.parse("2018-07-31T00:00:00Z"));
    // then
    assertEquals(List.of("a", "c", "b"), tasks.stream().map(TaskStatus::taskId).collect(Collectors.toList()));
    assertEquals(TaskStatus.State.FAILED, tasks.get(0).state());
    assertEquals(List.of("https://www.test.com/1", "https://www.test.com/2"), tasks.get(0).urls());
    assertEquals(TaskStatus.State.DONE, tasks.get(1).state());
    assertEquals(TaskStatus.State.PROCESSING, tasks.get(2).state());
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  private static String row(String taskId, String url, String status, String created) {
    return "{\"TaskId\":\"" + taskId + "\",\"Url\":\"" + url + "\",\"Status\":\"" + status
        + "\",\"PurgeType\":\"url\",\"FlushType\":\"flush\",\"CreateTime\":\"" + created + "\"}";
  }

  @Test
  void v3NullPurgeLogsMeansTheTaskIsUnknown() {
    // given
    server.stubFor(post("/").willReturn(okJson("{\"Response\":{\"PurgeLogs\":null,\"TotalCount\":0,\"RequestId\":\"r\"}}")));
    // when
    TaskStatus status = stubbed().taskStatus("1533045796-i60rfmzm");
    // then
    assertEquals(TaskStatus.State.UNKNOWN, status.state());
    assertEquals("1533045796-i60rfmzm", status.taskId());
  }

  @Test
  void v3QuotaListsUrlAndPathQuotasPerAreaAndFallsAsUrlsAreAccepted() {
    // given
    v3(Refresh.urls(urls(3))).batch().submit();
    // when
    List<Quota> quotas = new java.util.ArrayList<>(Account.of(v3(Refresh.urls())).quota());
    // then
    quotas.removeIf(q -> q.kind() == Quota.Kind.PREFETCH); // DescribePushQuota's, when the emulator has it
    assertEquals(4, quotas.size());
    Quota urlsMainland = quotas.get(0);
    assertEquals(Quota.Kind.URLS, urlsMainland.kind());
    assertEquals(Area.MAINLAND, urlsMainland.area().orElseThrow());
    assertEquals(10_000, urlsMainland.total());
    assertEquals(9_997, urlsMainland.available());
    assertEquals(1000, urlsMainland.batch());
    assertTrue(urlsMainland.fromService());
    assertEquals(Area.OVERSEAS, quotas.get(1).area().orElseThrow());
    assertEquals(10_000, quotas.get(1).available());
    assertEquals(Quota.Kind.DIRECTORIES, quotas.get(2).kind());
    assertEquals(100, quotas.get(2).available());
    assertEquals(2, asked("DescribePurgeQuota").size(), "once by the submission, once here");
  }

  @Test
  void v3RefusalCarriesTheCodeAndRequestIdAndIsNotRetried() {
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> Account.of(time.on(Refresh.urls().credentials(ID, "wrong").api(Api.V3).endpoint(emu.endpointV3()))).quota());
    // then
    assertEquals("AuthFailure.SignatureFailure", e.code());
    assertTrue(e.requestId().isPresent());
    assertEquals(1, emu.requests().size());
  }

  @Test
  void legacyRefusalCarriesCodeAndCodeDesc() {
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> Account.of(time.on(Refresh.urls().credentials(ID, "wrong").api(Api.V2).endpoint(emu.endpoint()))).taskStatus("1"));
    // then
    assertEquals("4100", e.code());
    assertEquals("AuthFailure", e.codeDesc());
    assertTrue(e.tasks().isEmpty());
  }

  @Test
  void aThrottledQueryIsRetriedAfterABackoff() {
    // given
    server.stubFor(post("/").inScenario("throttle").willReturn(okJson("{\"Response\":{\"Error\":{\"Code\":"
        + "\"RequestLimitExceeded\",\"Message\":\"slow down\"},\"RequestId\":\"r1\"}}")).willSetStateTo("calm"));
    server.stubFor(post("/").inScenario("throttle").whenScenarioStateIs("calm").willReturn(okJson(
        "{\"Response\":{\"UrlPurge\":[],\"PathPurge\":[{\"Area\":\"mainland\",\"Batch\":39,\"Total\":100,\"Available\":7}],"
        + "\"RequestId\":\"r2\"}}")));
    // when
    List<Quota> quotas = stubbed().quota();
    // then
    assertEquals(7, quotas.get(0).available());
    assertEquals(39, quotas.get(0).batch());
    assertEquals(Duration.ofSeconds(1), time.sleeps.get(0), "the retry's backoff; then DescribePushQuota is paced");
    server.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("DescribePurgeQuota")));
    server.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo("DescribePushQuota")));
  }

  @Test
  void aQueryAnswered503IsRetried() {
    // given
    emu.failNext(1, 503);
    // when
    TaskStatus status = Account.of(v2(Refresh.urls())).taskStatus("1480069888795584532");
    // then
    assertEquals(TaskStatus.State.UNKNOWN, status.state());
    assertEquals(2, emu.requests().size());
    assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps);
  }

  @Test
  void aMalformedAnswerIsNoAnswerAndNotRetried() {
    // given
    emu.malformedNext(1);
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> Account.of(v3(Refresh.urls())).quota());
    // then
    assertEquals(1, emu.requests().size());
    assertTrue(e.bodyExcerpt().isPresent());
  }

  @Test
  void aLegacyEndpointAnswering404PointsToApi3() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(404)));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class,
        () -> Account.of(time.on(Refresh.urls().credentials(ID, KEY).api(Api.V2).endpoint(server.url("/v2/index.php")))).taskStatus("1"));
    // then
    assertEquals(404, e.statusCode().getAsInt());
    assertTrue(e.getMessage().contains(V2Api.HINT), e.getMessage());
  }

  @Test
  void aLegacyNoRecordsRefusalReadsAsAnEmptyRange() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(
        "{\"code\":4000,\"message\":\"(-9009)没有记录 no records\",\"codeDesc\":\"-9009\"}")));
    // when
    List<TaskStatus> tasks = Account.of(time.on(Refresh.urls().credentials(ID, KEY).api(Api.V2).endpoint(server.url("/v2/index.php"))))
        .taskStatus(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-27T01:00:00Z"));
    // then
    assertTrue(tasks.isEmpty());
  }
}
