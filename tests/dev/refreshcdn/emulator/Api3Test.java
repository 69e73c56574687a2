package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** API 3.0: TC3 authentication, envelope and error codes (reference 4). */
class Api3Test extends EmulatorFixture {
  private static final String ID2 = "AKID2";
  private static final String KEY2 = "key2";
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder
        .account(ID, KEY, "www.test.com", "img.test.com")
        .account(Tenant.of(ID2, KEY2)
            .domain("b.test.com", Emulator.DomainStatus.OFFLINE, false)
            .domain("o.test.com", Emulator.DomainStatus.ONLINE, false, Emulator.Region.OVERSEAS)
            .domain("g.test.com", Emulator.DomainStatus.ONLINE, false, Emulator.Region.GLOBAL));
  }

  private static String urls(String field, List<String> urls) {
    return Wire.jsonOf(Map.of(field, urls));
  }

  private static List<String> many(int n) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urls.add("https://www.test.com/" + i);
    }
    return urls;
  }

  private Wire.Reply purge(List<String> urls) {
    return wire.v3("PurgeUrlsCache", urls("Urls", urls), ID, KEY);
  }

  @Test
  void purgeUrlsCacheAnswersATaskIdAndARequestId() {
    // when
    Wire.Reply r = purge(List.of("https://www.test.com/1.jpg"));
    // then
    assertEquals(200, r.status());
    assertNotNull(r.at("Response.TaskId"));
    assertTrue(((String) r.at("Response.RequestId")).matches(UUID), r.body());
    assertNull(r.at("Response.Error"));
    assertEquals(r.at("Response.TaskId"), emu.requests().get(0).taskId().orElseThrow());
    assertEquals("v3", emu.requests().get(0).api());
  }

  @Test
  void acceptsTheHostSignedWithoutItsPortAsTheOfficialSdksSignIt() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", urls("Urls", List.of("https://www.test.com/1.jpg")), ID, KEY,
        wire.now(), "127.0.0.1", Map.of());
    // then
    assertNotNull(r.at("Response.TaskId"), r.body());
  }

  @Test
  void acceptsTheServiceTheOfficialSdksDeriveFromTheirEndpointButNoOther() {
    // given
    byte[] body = urls("Urls", List.of("https://www.test.com/1.jpg")).getBytes(StandardCharsets.UTF_8);
    String contentType = "application/json";
    // when
    Wire.Reply firstLabel = wire.send(signedWithService(body, contentType, "127"));
    Wire.Reply otherService = wire.send(signedWithService(body, contentType, "cvm"));
    // then
    assertNotNull(firstLabel.at("Response.TaskId"), firstLabel.body());
    assertEquals("AuthFailure.SignatureFailure", otherService.at("Response.Error.Code"));
  }

  private HttpRequest signedWithService(byte[] body, String contentType, String service) {
    return HttpRequest.newBuilder(emu.endpointV3()).header("Content-Type", contentType)
        .header("X-TC-Action", "PurgeUrlsCache").header("X-TC-Version", "2018-06-06")
        .header("X-TC-Timestamp", Long.toString(wire.now()))
        .header("Authorization", TestSigner.tc3(ID, KEY, wire.now(), contentType, "127.0.0.1", body, service))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  @Test
  void refusesAHostThatWasNotTheOneSentWithSignatureFailure() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", urls("Urls", List.of("https://www.test.com/1.jpg")), ID, KEY,
        wire.now(), "cdn.tencentcloudapi.com", Map.of());
    // then
    assertEquals("AuthFailure.SignatureFailure", r.at("Response.Error.Code"));
    assertTrue(((String) r.at("Response.RequestId")).matches(UUID));
  }

  @Test
  void refusesAWrongKeyWithSignatureFailure() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", urls("Urls", List.of("https://www.test.com/1.jpg")), ID, "wrong");
    // then
    assertEquals("AuthFailure.SignatureFailure", r.at("Response.Error.Code"));
    assertTrue(emu.requests().get(0).taskId().isEmpty());
  }

  @Test
  void refusesAnUnknownSecretIdWithSecretIdNotFound() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", urls("Urls", List.of("https://www.test.com/1.jpg")), "AKIDnobody", KEY);
    // then
    assertEquals("AuthFailure.SecretIdNotFound", r.at("Response.Error.Code"));
  }

  @Test
  void refusesATimestampMoreThanFiveMinutesOffWithSignatureExpire() {
    // given
    String body = urls("Urls", List.of("https://www.test.com/1.jpg"));
    // when
    Wire.Reply old = wire.v3("PurgeUrlsCache", body, ID, KEY, wire.now() - 301, wire.hostHeader(), Map.of());
    Wire.Reply edge = wire.v3("PurgeUrlsCache", body, ID, KEY, wire.now() - 300, wire.hostHeader(), Map.of());
    // then
    assertEquals("AuthFailure.SignatureExpire", old.at("Response.Error.Code"));
    assertNotNull(edge.at("Response.TaskId"), edge.body());
  }

  @Test
  void acceptsTheOptionalTokenHeaderAndKeepsItOutOfTheRecord() {
    // when
    Wire.Reply r = wire.v3("DescribePurgeQuota", "{}", ID, KEY, wire.now(), wire.hostHeader(), Map.of("X-TC-Token", "tmp-token"));
    // then
    assertNotNull(r.at("Response.UrlPurge"), r.body());
    assertTrue(!emu.requests().get(0).toString().contains("tmp-token"));
  }

  @Test
  void refusesAnUnknownActionWithInvalidAction() {
    // when
    Wire.Reply r = wire.v3("DescribeCdnHosts", "{}", ID, KEY);
    // then
    assertEquals("InvalidAction", r.at("Response.Error.Code"));
  }

  @Test
  void refusesAMissingActionHeaderOrUrlsWithMissingParameter() {
    // given
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    HttpRequest noAction = HttpRequest.newBuilder(emu.endpointV3()).header("Content-Type", "application/json")
        .header("X-TC-Version", "2018-06-06").header("X-TC-Timestamp", Long.toString(wire.now()))
        .header("Authorization", TestSigner.tc3(ID, KEY, wire.now(), "application/json", wire.hostHeader(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    // when
    Wire.Reply missingAction = wire.send(noAction);
    Wire.Reply missingUrls = wire.v3("PurgeUrlsCache", "{}", ID, KEY);
    // then
    assertEquals("MissingParameter", missingAction.at("Response.Error.Code"));
    assertEquals("MissingParameter", missingUrls.at("Response.Error.Code"));
  }

  @Test
  void refusesAnUnknownDomainWithCdnHostNotExists() {
    // when
    Wire.Reply r = purge(List.of("https://www.test.com/1.jpg", "https://nobody.test.com/2.jpg"));
    // then
    assertEquals("ResourceNotFound.CdnHostNotExists", r.at("Response.Error.Code"));
    assertEquals(List.of(), emu.requests().get(0).urls());
  }

  @Test
  void refusesAnOfflineDomainWithCdnHostIsNotOnline() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", urls("Urls", List.of("http://b.test.com/1")), ID2, KEY2);
    // then
    assertEquals("ResourceUnavailable.CdnHostIsNotOnline", r.at("Response.Error.Code"));
  }

  @Test
  void refusesANonHttpUrlWithCdnParamError() {
    // when
    Wire.Reply r = purge(List.of("www.test.com/1.jpg"));
    // then
    assertEquals("InvalidParameter.CdnParamError", r.at("Response.Error.Code"));
  }

  @Test
  void refuses1001UrlsWithTheBatchLimitError() {
    // when
    Wire.Reply thousand = purge(many(1000));
    Wire.Reply tooMany = purge(many(1001));
    // then
    assertNotNull(thousand.at("Response.TaskId"));
    assertEquals("LimitExceeded.CdnPurgeUrlExceedBatchLimit", tooMany.at("Response.Error.Code"));
  }

  @Test
  void refusesThe10001stUrlOfTheDayWithTheDayLimitErrorAndQuotaShowsWhatIsLeft() {
    // given
    for (int i = 0; i < 9; i++) {
      purge(many(1000));
    }
    purge(many(999));
    Wire.Reply left = wire.v3("DescribePurgeQuota", "{}", ID, KEY);
    // when
    Wire.Reply last = purge(many(1));
    Wire.Reply over = purge(many(1));
    // then
    assertEquals(Map.of("Area", "mainland", "Batch", 1000, "Total", 10000, "Available", 1), left.at("Response.UrlPurge.0"));
    assertEquals(Map.of("Area", "overseas", "Batch", 1000, "Total", 10000, "Available", 10000), left.at("Response.UrlPurge.1"));
    assertNotNull(last.at("Response.TaskId"));
    assertEquals("LimitExceeded.CdnPurgeUrlExceedDayLimit", over.at("Response.Error.Code"));
  }

  @Test
  void quotaIsKeptPerAreaAndAGlobalDomainUsesBoth() {
    // when
    wire.v3("PurgeUrlsCache", urls("Urls", List.of("http://o.test.com/1")), ID2, KEY2);
    wire.v3("PurgeUrlsCache", urls("Urls", List.of("http://g.test.com/1")), ID2, KEY2);
    wire.v3("PurgeUrlsCache", Wire.jsonOf(Map.of("Urls", List.of("http://g.test.com/2"), "Area", "mainland")), ID2, KEY2);
    Wire.Reply q = wire.v3("DescribePurgeQuota", "{}", ID2, KEY2);
    // then
    assertEquals(9998, q.at("Response.UrlPurge.0.Available"));
    assertEquals(9998, q.at("Response.UrlPurge.1.Available"));
  }

  @Test
  void refusesAnAreaTheDomainIsNotAcceleratedIn() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", Wire.jsonOf(Map.of("Urls", List.of("http://o.test.com/1"), "Area", "mainland")), ID2, KEY2);
    Wire.Reply bad = wire.v3("PurgeUrlsCache", Wire.jsonOf(Map.of("Urls", List.of("http://o.test.com/1"), "Area", "moon")), ID2, KEY2);
    // then
    assertEquals("InvalidParameter.CdnParamError", r.at("Response.Error.Code"));
    assertEquals("InvalidParameter.CdnParamError", bad.at("Response.Error.Code"));
  }

  @Test
  void urlEncodeEncodesNonAsciiCharactersBeforeRecording() {
    // when
    wire.v3("PurgeUrlsCache", Wire.jsonOf(Map.of("Urls", List.of("https://www.test.com/中.png"), "UrlEncode", true)), ID, KEY);
    // then
    assertEquals(List.of("https://www.test.com/%E4%B8%AD.png"), emu.requests().get(0).urls());
  }

  @Test
  void purgePathCacheNeedsAFlushTypeAndKeepsItsOwnLimits() {
    // given
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      paths.add("https://www.test.com/d" + i + "/");
    }
    // when
    Wire.Reply flush = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", paths.subList(0, 20), "FlushType", "flush")), ID, KEY);
    Wire.Reply delete = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", paths.subList(0, 1), "FlushType", "delete")), ID, KEY);
    Wire.Reply noType = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", paths.subList(0, 1))), ID, KEY);
    Wire.Reply badType = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", paths.subList(0, 1), "FlushType", "all")), ID, KEY);
    Wire.Reply tooMany = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", paths, "FlushType", "flush")), ID, KEY);
    Wire.Reply unknown = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", List.of("http://x.test.com/"), "FlushType", "flush")), ID, KEY);
    // then
    assertNotNull(flush.at("Response.TaskId"));
    assertNotNull(delete.at("Response.TaskId"));
    assertEquals("MissingParameter", noType.at("Response.Error.Code"));
    assertEquals("InvalidParameter.CdnParamError", badType.at("Response.Error.Code"));
    assertEquals("LimitExceeded.CdnPurgePathExceedBatchLimit", tooMany.at("Response.Error.Code"));
    assertEquals("ResourceNotFound.CdnHostNotExists", unknown.at("Response.Error.Code"));
  }

  @Test
  void purgePathCacheRefusesThe101stDirectoryOfTheDay() {
    // given
    for (int i = 0; i < 5; i++) {
      List<String> paths = new ArrayList<>();
      for (int j = 0; j < 20; j++) {
        paths.add("https://www.test.com/" + i + "/" + j + "/");
      }
      wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", paths, "FlushType", "flush")), ID, KEY);
    }
    // when
    Wire.Reply r = wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", List.of("https://www.test.com/x/"), "FlushType", "flush")), ID, KEY);
    // then
    assertEquals("LimitExceeded.CdnPurgePathExceedDayLimit", r.at("Response.Error.Code"));
  }

  @Test
  void describePurgeTasksShowsOneRowPerUrlThatTurnsDoneWithTheClock() {
    // given
    String taskId = (String) purge(List.of("https://www.test.com/1.jpg", "https://img.test.com/2.jpg")).at("Response.TaskId");
    String query = Wire.jsonOf(Map.of("TaskId", taskId));
    // when
    Wire.Reply running = wire.v3("DescribePurgeTasks", query, ID, KEY);
    clock.advance(Duration.ofSeconds(5));
    Wire.Reply done = wire.v3("DescribePurgeTasks", query, ID, KEY);
    // then
    assertEquals(2, running.at("Response.TotalCount"));
    assertEquals("process", running.at("Response.PurgeLogs.0.Status"));
    assertEquals("done", done.at("Response.PurgeLogs.0.Status"));
    assertEquals("done", done.at("Response.PurgeLogs.1.Status"));
    assertEquals(taskId, done.at("Response.PurgeLogs.0.TaskId"));
    assertEquals("url", done.at("Response.PurgeLogs.0.PurgeType"));
    assertEquals("2026-11-27 12:00:00", done.at("Response.PurgeLogs.0.CreateTime"));
  }

  @Test
  void describePurgeTasksByTimeRangePagesWithOffsetAndLimit() {
    // given
    purge(many(5));
    wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", List.of("https://www.test.com/d/"), "FlushType", "delete")), ID, KEY);
    String range = "\"StartTime\":\"2026-11-27 00:00:00\",\"EndTime\":\"2026-11-27 23:59:59\"";
    // when
    Wire.Reply page = wire.v3("DescribePurgeTasks", "{" + range + ",\"Offset\":2,\"Limit\":3}", ID, KEY);
    Wire.Reply paths = wire.v3("DescribePurgeTasks", "{" + range + ",\"PurgeType\":\"path\"}", ID, KEY);
    Wire.Reply neither = wire.v3("DescribePurgeTasks", "{}", ID, KEY);
    Wire.Reply badLimit = wire.v3("DescribePurgeTasks", "{" + range + ",\"Limit\":0}", ID, KEY);
    Wire.Reply hugeOffset = wire.v3("DescribePurgeTasks", "{" + range + ",\"Offset\":9223372036854775807}", ID, KEY);
    // then
    assertEquals(6, page.at("Response.TotalCount"));
    assertEquals(3, ((List<?>) page.at("Response.PurgeLogs")).size());
    assertEquals(1, paths.at("Response.TotalCount"));
    assertEquals("delete", paths.at("Response.PurgeLogs.0.FlushType"));
    assertEquals("InvalidParameter.CdnParamError", neither.at("Response.Error.Code"));
    assertEquals("InvalidParameter.CdnParamError", badLimit.at("Response.Error.Code"));
    assertEquals("InvalidParameter.CdnParamError", hugeOffset.at("Response.Error.Code"));
  }

  @Test
  void legacyAndApi3ShareTheDailyQuota() {
    // given
    Emulator small = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).dailyUrlQuota(2).start();
    Wire w = new Wire(small, clock);
    try {
      w.postForm(w.refresh(ID, List.of("http://www.test.com/1", "http://www.test.com/2")), KEY);
      // when
      Wire.Reply r = w.v3("PurgeUrlsCache", urls("Urls", List.of("http://www.test.com/3")), ID, KEY);
      // then
      assertEquals("LimitExceeded.CdnPurgeUrlExceedDayLimit", r.at("Response.Error.Code"));
    } finally {
      small.close();
    }
  }
}
