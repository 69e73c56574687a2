package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.cdn.v20180606.CdnClient;
import com.tencentcloudapi.cdn.v20180606.models.BriefDomain;
import com.tencentcloudapi.cdn.v20180606.models.DescribeDomainsRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribeDomainsResponse;
import com.tencentcloudapi.cdn.v20180606.models.DomainFilter;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeQuotaRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeQuotaResponse;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeTasksRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribePurgeTasksResponse;
import com.tencentcloudapi.cdn.v20180606.models.DescribePushQuotaRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribePushQuotaResponse;
import com.tencentcloudapi.cdn.v20180606.models.DescribePushTasksRequest;
import com.tencentcloudapi.cdn.v20180606.models.DescribePushTasksResponse;
import com.tencentcloudapi.cdn.v20180606.models.HTTPHeader;
import com.tencentcloudapi.cdn.v20180606.models.PurgePathCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PurgePathCacheResponse;
import com.tencentcloudapi.cdn.v20180606.models.Origin;
import com.tencentcloudapi.cdn.v20180606.models.PurgeTask;
import com.tencentcloudapi.cdn.v20180606.models.PurgeUrlsCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PurgeUrlsCacheResponse;
import com.tencentcloudapi.cdn.v20180606.models.PushTask;
import com.tencentcloudapi.cdn.v20180606.models.PushUrlsCacheRequest;
import com.tencentcloudapi.cdn.v20180606.models.PushUrlsCacheResponse;
import com.tencentcloudapi.cdn.v20180606.models.Quota;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.Language;
import dev.refreshcdn.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compatibility check: Tencent's official API 3.0 Java SDK ({@code tencentcloud-sdk-java-cdn} 3.1.1114),
 * pointed at the emulator on loopback, in each mode it can send (GET or POST, signed with TC3-HMAC-SHA256,
 * HmacSHA256 or HmacSHA1), signs requests the emulator accepts and reads the documented answers it gives,
 * for purges and prefetches. The SDK signs with the system clock, so the emulator runs on it too (or, to see a
 * prefetch progress, on a clock a little ahead of it).
 */
class OfficialJavaSdkTest extends OfficialSdkFixture {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void purgeUrlsCacheAnswersATaskIdAndARequestId(String method, String signMethod) throws Exception {
    // when
    PurgeUrlsCacheResponse response = purgeUrls(client(method, signMethod),
        "https://www.test.com/1.jpg", "https://img.test.com/2.jpg?a=1&b=c d");
    // then
    assertFalse(response.getTaskId().isEmpty());
    assertFalse(response.getRequestId().isEmpty());
    RecordedRequest recorded = emu.requests().get(0);
    assertTrue(recorded.accepted(), recorded.toString());
    assertEquals(method, recorded.method());
    assertEquals("PurgeUrlsCache", recorded.action());
    assertEquals(Map.of("Urls.0", "https://www.test.com/1.jpg", "Urls.1", "https://img.test.com/2.jpg?a=1&b=c d"),
        recorded.params());
    assertEquals(response.getTaskId(), recorded.taskId().orElseThrow());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void purgePathCacheTakesPathsAndFlushType(String method, String signMethod) throws Exception {
    // given
    PurgePathCacheRequest request = new PurgePathCacheRequest();
    request.setPaths(new String[] {"https://www.test.com/img/"});
    request.setFlushType("delete");
    // when
    PurgePathCacheResponse response = client(method, signMethod).PurgePathCache(request);
    // then
    assertFalse(response.getTaskId().isEmpty());
    RecordedRequest recorded = emu.requests().get(0);
    assertTrue(recorded.accepted(), recorded.toString());
    assertEquals(Map.of("Paths.0", "https://www.test.com/img/", "FlushType", "delete"), recorded.params());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void describePurgeTasksListsOneRowPerUrlOfTheTaskAndPages(String method, String signMethod) throws Exception {
    // given
    CdnClient client = client(method, signMethod);
    String taskId = purgeUrls(client, "https://www.test.com/1.jpg", "https://www.test.com/2.jpg",
        "https://www.test.com/3.jpg").getTaskId();
    DescribePurgeTasksRequest request = new DescribePurgeTasksRequest();
    request.setTaskId(taskId);
    request.setOffset(1L);
    request.setLimit(2L);
    // when
    DescribePurgeTasksResponse response = client.DescribePurgeTasks(request);
    // then
    assertEquals(3L, response.getTotalCount());
    assertEquals(2, response.getPurgeLogs().length);
    for (PurgeTask row : response.getPurgeLogs()) {
      assertEquals(taskId, row.getTaskId());
      assertEquals("process", row.getStatus()); // the default completion is 5 s away
      assertEquals("url", row.getPurgeType());
      assertEquals("flush", row.getFlushType());
      assertTrue(row.getUrl().startsWith("https://www.test.com/"), row.getUrl());
      assertTrue(row.getCreateTime().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), row.getCreateTime());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void describePurgeQuotaShowsWhatIsLeftPerArea(String method, String signMethod) throws Exception {
    // given
    CdnClient client = client(method, signMethod);
    purgeUrls(client, "https://www.test.com/1.jpg");
    // when
    DescribePurgeQuotaResponse response = client.DescribePurgeQuota(new DescribePurgeQuotaRequest());
    // then
    assertEquals(Map.of("mainland", 9_999L, "overseas", 10_000L), Arrays.stream(response.getUrlPurge())
        .collect(Collectors.toMap(Quota::getArea, Quota::getAvailable)));
    for (Quota paths : response.getPathPurge()) {
      assertEquals(List.of(100L, 100L, 20L), List.of(paths.getTotal(), paths.getAvailable(), paths.getBatch()));
    }
  }

  private static DescribeDomainsRequest domains(String name, String... values) {
    DomainFilter filter = new DomainFilter();
    filter.setName(name);
    filter.setValue(values);
    DescribeDomainsRequest request = new DescribeDomainsRequest();
    request.setFilters(new DomainFilter[] {filter});
    request.setLimit(1000L);
    return request;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void describeDomainsTellsTheAreaOfEachDomainAskedFor(String method, String signMethod) throws Exception {
    // when
    DescribeDomainsResponse response = client(method, signMethod)
        .DescribeDomains(domains("domain", "www.test.com", "o.test.com"));
    // then
    assertEquals(2L, response.getTotalNumber());
    assertEquals(Map.of("www.test.com", "mainland", "o.test.com", "overseas"), Arrays.stream(response.getDomains())
        .collect(Collectors.toMap(BriefDomain::getDomain, BriefDomain::getArea)));
    for (BriefDomain d : response.getDomains()) {
      assertEquals("online", d.getStatus());
      assertEquals("http", d.getOrigin().getOriginPullProtocol());
      assertNull(d.getOrigin().getSni());
    }
    RecordedRequest recorded = emu.requests().get(0);
    assertTrue(recorded.accepted(), recorded.toString());
    assertEquals(Map.of("Limit", "1000", "Filters.0.Name", "domain", "Filters.0.Value.0", "www.test.com",
        "Filters.0.Value.1", "o.test.com"), recorded.params());
  }

  @Test
  void describeDomainsRefusesAFilterNameTheServiceDoesNotList() {
    // when
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
        () -> client("POST", "TC3-HMAC-SHA256").DescribeDomains(domains("area", "mainland")));
    // then
    assertEquals("InvalidParameter.CdnParamError", e.getErrorCode());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void aWrongKeyIsRefusedWithSignatureFailure(String method, String signMethod) {
    // when
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
        () -> purgeUrls(client(new Credential(ID, "wrongKey"), method, signMethod), "https://www.test.com/1.jpg"));
    // then
    assertEquals("AuthFailure.SignatureFailure", e.getErrorCode());
    assertFalse(e.getRequestId().isEmpty());
    assertFalse(emu.requests().get(0).accepted());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void aSessionTokenAndALanguageAreAccepted(String method, String signMethod) throws Exception {
    // given
    CdnClient client = client(new Credential(ID, KEY, "temporary-session-token"), method, signMethod);
    client.getClientProfile().setLanguage(Language.EN_US);
    // when
    PurgeUrlsCacheResponse response = purgeUrls(client, "https://www.test.com/1.jpg");
    // then
    assertFalse(response.getTaskId().isEmpty());
    assertTrue(emu.requests().get(0).accepted());
    assertFalse(emu.requests().get(0).toString().contains("temporary-session-token"));
    assertFalse(emu.requests().get(0).params().containsValue("temporary-session-token"));
  }

  @Test
  void aParameterTheActionDoesNotDefineIsRefusedWithUnknownParameterAndNothingIsPurged() {
    // given: the SDK sends extra fields set on a model (TC3 POST only; it refuses them for GET and v1)
    PurgeUrlsCacheRequest request = new PurgeUrlsCacheRequest();
    request.setUrls(new String[] {"https://www.test.com/1.jpg"});
    request.set("UrlEncoded", true);
    // when
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
        () -> client("POST", "TC3-HMAC-SHA256").PurgeUrlsCache(request));
    // then
    assertEquals("UnknownParameter", e.getErrorCode());
    assertEquals("The parameter `UrlEncoded` is not recognized.", e.getMessage());
    assertTrue(emu.requests().get(0).taskId().isEmpty());
    assertTrue(emu.requests().get(0).urls().isEmpty());
  }

  @Test
  void aRawCallWithAnUnknownParameterIsRefusedToo() {
    // when
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
        () -> client("POST", "TC3-HMAC-SHA256").call("DescribePurgeQuota", "{\"Area\":\"mainland\"}"));
    // then
    assertEquals("UnknownParameter", e.getErrorCode());
    assertEquals("The parameter `Area` is not recognized.", e.getMessage());
  }

  @Test
  void everyAnswerObjectHasExactlyTheFieldsOfTheSdkModel() throws Exception {
    // given
    CdnClient client = client("POST", "TC3-HMAC-SHA256");
    // when
    Map<String, Object> purge = raw(client, "PurgeUrlsCache", "{\"Urls\":[\"https://www.test.com/1.jpg\"]}");
    Map<String, Object> path = raw(client, "PurgePathCache", "{\"Paths\":[\"https://www.test.com/d/\"],\"FlushType\":\"flush\"}");
    Map<String, Object> tasks = raw(client, "DescribePurgeTasks", "{\"TaskId\":\"" + purge.get("TaskId") + "\"}");
    Map<String, Object> quota = raw(client, "DescribePurgeQuota", "{}");
    Map<String, Object> domains = raw(client, "DescribeDomains", "{}");
    Map<String, Object> push = raw(client, "PushUrlsCache", "{\"Urls\":[\"https://www.test.com/1.jpg\"]}");
    Map<String, Object> pushTasks = raw(client, "DescribePushTasks", "{\"TaskId\":\"" + push.get("TaskId") + "\"}");
    Map<String, Object> pushQuota = raw(client, "DescribePushQuota", "{}");
    // then
    assertEquals(fields(PushUrlsCacheResponse.class), push.keySet());
    assertEquals(fields(DescribePushTasksResponse.class), pushTasks.keySet());
    assertEquals(fields(PushTask.class), object(((List<?>) pushTasks.get("PushLogs")).get(0)).keySet());
    assertEquals(fields(DescribePushQuotaResponse.class), pushQuota.keySet());
    assertEquals(2, ((List<?>) pushQuota.get("UrlPush")).size());
    for (Object q : (List<?>) pushQuota.get("UrlPush")) {
      assertEquals(fields(Quota.class), object(q).keySet());
    }
    assertEquals(fields(PurgeUrlsCacheResponse.class), purge.keySet());
    assertEquals(fields(PurgePathCacheResponse.class), path.keySet());
    assertEquals(fields(DescribePurgeTasksResponse.class), tasks.keySet());
    assertEquals(fields(PurgeTask.class), object(((List<?>) tasks.get("PurgeLogs")).get(0)).keySet());
    assertEquals(fields(DescribePurgeQuotaResponse.class), quota.keySet());
    for (String list : List.of("UrlPurge", "PathPurge")) {
      for (Object q : (List<?>) quota.get(list)) {
        assertEquals(fields(Quota.class), object(q).keySet());
      }
    }
    assertEquals(fields(DescribeDomainsResponse.class), domains.keySet());
    assertEquals(3, ((List<?>) domains.get("Domains")).size());
    for (Object d : (List<?>) domains.get("Domains")) {
      assertEquals(fields(BriefDomain.class), object(d).keySet());
      assertEquals(fields(Origin.class), object(object(d).get("Origin")).keySet());
    }
  }

  @Test
  void everyActionTakesExactlyTheFieldsOfItsSdkRequestModel() {
    // then: what the gateway lets through is what the SDK can send, no more
    assertEquals(fields(PurgeUrlsCacheRequest.class), Api3Params.names("PurgeUrlsCache"));
    assertEquals(fields(PurgePathCacheRequest.class), Api3Params.names("PurgePathCache"));
    assertEquals(fields(DescribePurgeTasksRequest.class), Api3Params.names("DescribePurgeTasks"));
    assertEquals(fields(DescribePurgeQuotaRequest.class), Api3Params.names("DescribePurgeQuota"));
    assertEquals(fields(DescribeDomainsRequest.class), Api3Params.names("DescribeDomains"));
    assertEquals(fields(DomainFilter.class), Api3Params.names("DescribeDomains.Filters"));
    assertEquals(fields(PushUrlsCacheRequest.class), Api3Params.names("PushUrlsCache"));
    assertEquals(fields(HTTPHeader.class), Api3Params.names("PushUrlsCache.Headers"));
    assertEquals(fields(DescribePushTasksRequest.class), Api3Params.names("DescribePushTasks"));
    assertEquals(fields(DescribePushQuotaRequest.class), Api3Params.names("DescribePushQuota"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(textBlock = MODES)
  void pushUrlsCacheTakesEveryDocumentedFieldAndTheQuotaFalls(String method, String signMethod) throws Exception {
    // given
    CdnClient client = client(method, signMethod);
    HTTPHeader header = new HTTPHeader();
    header.setName("X-Warm");
    header.setValue("yes");
    PushUrlsCacheRequest request = new PushUrlsCacheRequest();
    request.setUrls(new String[] {"https://www.test.com/1.jpg", "https://img.test.com/2.m3u8"});
    request.setUserAgent("TencentCdn");
    request.setArea("mainland");
    request.setLayer("middle");
    request.setParseM3U8(true);
    request.setDisableRange(false);
    request.setHeaders(new HTTPHeader[] {header});
    request.setUrlEncode(false);
    // when
    PushUrlsCacheResponse response = client.PushUrlsCache(request);
    PushTask[] logs = pushLogs(client, response.getTaskId());
    DescribePushQuotaResponse quota = client.DescribePushQuota(new DescribePushQuotaRequest());
    // then
    assertFalse(response.getRequestId().isEmpty());
    RecordedRequest recorded = emu.requests().get(0);
    assertTrue(recorded.accepted(), recorded.toString());
    assertEquals("yes", recorded.params().get("Headers.0.Value"));
    assertEquals(2, logs.length);
    for (PushTask row : logs) {
      assertEquals(List.of(response.getTaskId(), "process", "mainland"), List.of(row.getTaskId(), row.getStatus(), row.getArea()));
      assertTrue(row.getPercent() >= 0 && row.getPercent() < 100, row.getPercent().toString());
      assertTrue(row.getUpdateTime().compareTo(row.getCreateTime()) >= 0, row.getUpdateTime());
    }
    assertEquals(Map.of("mainland", 998L, "overseas", 1000L), Arrays.stream(quota.getUrlPush())
        .collect(Collectors.toMap(Quota::getArea, Quota::getAvailable)));
    assertEquals(List.of(500L, 1000L), List.of(quota.getUrlPush()[0].getBatch(), quota.getUrlPush()[0].getTotal()));
  }

  @Test
  void pushUrlsCacheRefusesAnUnknownDomainAndRequestsOverTheBatchOrTheDay() throws Exception {
    // given
    CdnClient client = client("POST", "TC3-HMAC-SHA256");
    String[] fiveHundred = new String[500];
    Arrays.setAll(fiveHundred, i -> "https://www.test.com/" + i + ".js");
    String[] fiveHundredOne = Arrays.copyOf(fiveHundred, 501);
    fiveHundredOne[500] = "https://www.test.com/500.js";
    // when
    TencentCloudSDKException unknown = assertThrows(TencentCloudSDKException.class,
        () -> pushUrls(client, "https://nobody.example/1.js"));
    TencentCloudSDKException batch = assertThrows(TencentCloudSDKException.class, () -> pushUrls(client, fiveHundredOne));
    pushUrls(client, fiveHundred);
    pushUrls(client, fiveHundred);
    TencentCloudSDKException day = assertThrows(TencentCloudSDKException.class,
        () -> pushUrls(client, "https://www.test.com/1001.js"));
    // then
    assertEquals("ResourceNotFound.CdnHostNotExists", unknown.getErrorCode());
    assertEquals("LimitExceeded.CdnPushExceedBatchLimit", batch.getErrorCode());
    assertEquals("LimitExceeded.CdnPushExceedDayLimit", day.getErrorCode());
    assertEquals(0L, client.DescribePushQuota(new DescribePushQuotaRequest()).getUrlPush()[0].getAvailable());
  }

  @Test
  void describePushTasksShowsPercentRisingThenDone() throws Exception {
    // given: the emulator's clock runs ahead of the SDK's by at most 100 s, inside the 5-minute window
    emu.close();
    FakeTime clock = new FakeTime(Instant.now());
    emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).taskCompletion(Duration.ofSeconds(100)).start();
    CdnClient client = client("POST", "TC3-HMAC-SHA256");
    String taskId = pushUrls(client, "https://www.test.com/1.jpg").getTaskId();
    // when
    PushTask first = pushLogs(client, taskId)[0];
    clock.advance(Duration.ofSeconds(50));
    PushTask half = pushLogs(client, taskId)[0];
    clock.advance(Duration.ofSeconds(50));
    PushTask last = pushLogs(client, taskId)[0];
    // then
    assertEquals(List.of("process", 0L), List.of(first.getStatus(), first.getPercent()));
    assertEquals(List.of("process", 50L), List.of(half.getStatus(), half.getPercent()));
    assertEquals(List.of("done", 100L), List.of(last.getStatus(), last.getPercent()));
    assertTrue(last.getUpdateTime().compareTo(half.getUpdateTime()) > 0, last.getUpdateTime());
  }

  @Test
  void aPushParameterTheActionDoesNotDefineIsRefusedWithUnknownParameter() {
    // given
    PushUrlsCacheRequest request = new PushUrlsCacheRequest();
    request.setUrls(new String[] {"https://www.test.com/1.jpg"});
    request.set("FlushType", "flush");
    // when
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class,
        () -> client("POST", "TC3-HMAC-SHA256").PushUrlsCache(request));
    // then
    assertEquals("UnknownParameter", e.getErrorCode());
    assertTrue(emu.requests().get(0).taskId().isEmpty());
  }
}
