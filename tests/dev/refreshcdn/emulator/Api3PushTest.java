package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.refreshcdn.emulator.Emulator.DomainStatus;
import dev.refreshcdn.emulator.Emulator.Region;

/** Prefetch on API 3.0: PushUrlsCache's limits and refusals, DescribePushQuota, DescribePushTasks' progress. */
class Api3PushTest extends EmulatorFixture {
  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.account(Tenant.of(ID, KEY)
        .domain("www.test.com")
        .domain("o.test.com", DomainStatus.ONLINE, false, Region.OVERSEAS)
        .domain("g.test.com", DomainStatus.ONLINE, false, Region.GLOBAL)
        .domain("off.test.com", DomainStatus.OFFLINE, false, Region.MAINLAND))
        .taskCompletion(Duration.ofSeconds(100)).failingTasks("/broken/");
  }

  private static List<String> many(String host, int n) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urls.add("https://" + host + "/" + i + ".js");
    }
    return urls;
  }

  private Wire.Reply push(List<String> urls, Object... more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Urls", urls);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return wire.v3("PushUrlsCache", Wire.jsonOf(body), ID, KEY);
  }

  private Wire.Reply tasks(Object... query) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < query.length; i += 2) {
      body.put((String) query[i], query[i + 1]);
    }
    return wire.v3("DescribePushTasks", Wire.jsonOf(body), ID, KEY);
  }

  private Object available(String area) {
    Wire.Reply quota = wire.v3("DescribePushQuota", "{}", ID, KEY);
    return quota.at("Response.UrlPush." + ("mainland".equals(area) ? 0 : 1) + ".Available");
  }

  @Test
  void describePushQuotaReportsTheDocumentedDefaultsPerArea() {
    // when
    Wire.Reply quota = wire.v3("DescribePushQuota", "{}", ID, KEY);
    // then
    assertEquals(Map.of("Area", "mainland", "Batch", 500, "Total", 1000, "Available", 1000), quota.at("Response.UrlPush.0"));
    assertEquals(Map.of("Area", "overseas", "Batch", 500, "Total", 1000, "Available", 1000), quota.at("Response.UrlPush.1"));
  }

  @Test
  void aPrefetchWithoutAreaIsChargedToTheMainlandPrefetchQuotaOnly() {
    // when
    Wire.Reply pushed = push(many("www.test.com", 3));
    // then
    assertNotNull(pushed.at("Response.TaskId"), pushed.body());
    assertEquals(997, available("mainland"));
    assertEquals(1000, available("overseas"));
    Wire.Reply purgeQuota = wire.v3("DescribePurgeQuota", "{}", ID, KEY);
    assertEquals(10_000, purgeQuota.at("Response.UrlPurge.0.Available"));
    RecordedRequest recorded = emu.requests().get(0);
    assertEquals(many("www.test.com", 3), recorded.urls());
    assertEquals(pushed.at("Response.TaskId"), recorded.taskId().orElseThrow());
  }

  @Test
  void aGlobalPrefetchIsChargedToBothAreas() {
    // when
    Wire.Reply pushed = push(many("g.test.com", 2), "Area", "global");
    // then
    assertNotNull(pushed.at("Response.TaskId"), pushed.body());
    assertEquals(998, available("mainland"));
    assertEquals(998, available("overseas"));
  }

  @Test
  void anAreaTheDomainIsNotAcceleratedInIsRefused() {
    // when
    Wire.Reply overseas = push(many("www.test.com", 1), "Area", "overseas");
    Wire.Reply global = push(many("o.test.com", 1), "Area", "global");
    Wire.Reply mainlandByDefault = push(many("o.test.com", 1));
    // then
    for (Wire.Reply r : List.of(overseas, global, mainlandByDefault)) {
      assertEquals("InvalidParameter.CdnParamError", r.at("Response.Error.Code"), r.body());
    }
    assertEquals(1000, available("mainland"));
  }

  @Test
  void anUnknownOrOfflineDomainOrABadAreaIsRefusedAndNothingIsCharged() {
    // when
    Wire.Reply unknown = push(List.of("https://www.test.com/1.js", "https://nobody.example/1.js"));
    Wire.Reply offline = push(many("off.test.com", 1));
    Wire.Reply badArea = push(many("www.test.com", 1), "Area", "europe");
    Wire.Reply notHttp = push(List.of("ftp://www.test.com/1.js"));
    // then
    assertEquals("ResourceNotFound.CdnHostNotExists", unknown.at("Response.Error.Code"));
    assertEquals("The domain does not exist: nobody.example", unknown.at("Response.Error.Message"));
    assertEquals("ResourceUnavailable.CdnHostIsNotOnline", offline.at("Response.Error.Code"));
    assertEquals("InvalidParameter.CdnParamError", badArea.at("Response.Error.Code"));
    assertEquals("InvalidParameter.CdnParamError", notHttp.at("Response.Error.Code"));
    assertEquals(1000, available("mainland"));
    assertTrue(emu.requests().stream().allMatch(r -> r.taskId().isEmpty()));
  }

  @Test
  void fiveHundredUrlsAreOneRequestAndFiveHundredOneAreRefusedWithCdnPushExceedBatchLimit() {
    // when
    Wire.Reply tooMany = push(many("www.test.com", 501));
    Wire.Reply fiveHundred = push(many("www.test.com", 500));
    // then
    assertEquals("LimitExceeded.CdnPushExceedBatchLimit", tooMany.at("Response.Error.Code"));
    assertEquals("Too many URLs in one prefetch: 501 > 500.", tooMany.at("Response.Error.Message"));
    assertNotNull(fiveHundred.at("Response.TaskId"), fiveHundred.body());
    assertEquals(500, available("mainland"));
  }

  @Test
  void aPrefetchBeyondWhatIsLeftTodayIsRefusedWholeWithCdnPushExceedDayLimitUntilTheNextBeijingDay() {
    // given
    emu.close();
    start(configure(Emulator.builder()).prefetchQuota(Region.MAINLAND, 3, 500));
    push(many("www.test.com", 2));
    // when
    Wire.Reply over = push(many("www.test.com", 2));
    Object left = available("mainland");
    clock.advance(Duration.ofHours(12)); // Beijing midnight is 12 hours after Beijing noon
    Wire.Reply nextDay = push(many("www.test.com", 2));
    // then
    assertEquals("LimitExceeded.CdnPushExceedDayLimit", over.at("Response.Error.Code"));
    assertEquals("The daily URL prefetch quota of 3 for area mainland is used up.", over.at("Response.Error.Message"));
    assertEquals(1, left);
    assertNotNull(nextDay.at("Response.TaskId"), nextDay.body());
  }

  @Test
  void describePushTasksShowsPercentRisingWithTheClockThenDone() {
    // given
    String taskId = (String) push(List.of("https://www.test.com/a.js", "https://www.test.com/broken/b.js"))
        .at("Response.TaskId");
    // when
    Wire.Reply start = tasks("TaskId", taskId);
    clock.advance(Duration.ofSeconds(40));
    Wire.Reply middle = tasks("TaskId", taskId);
    clock.advance(Duration.ofSeconds(60));
    Wire.Reply end = tasks("TaskId", taskId);
    clock.advance(Duration.ofSeconds(60));
    Wire.Reply later = tasks("TaskId", taskId);
    // then: rows newest first, so the URL submitted last comes first
    assertEquals(2, start.at("Response.TotalCount"));
    assertEquals(List.of("process", 0, "mainland", "2026-11-27 12:00:00", "2026-11-27 12:00:00"),
        List.of(start.at("Response.PushLogs.1.Status"), start.at("Response.PushLogs.1.Percent"),
            start.at("Response.PushLogs.1.Area"), start.at("Response.PushLogs.1.CreateTime"),
            start.at("Response.PushLogs.1.UpdateTime")));
    assertEquals(List.of("process", 40, "2026-11-27 12:00:40"), List.of(middle.at("Response.PushLogs.1.Status"),
        middle.at("Response.PushLogs.1.Percent"), middle.at("Response.PushLogs.1.UpdateTime")));
    assertEquals(List.of("done", 100, "2026-11-27 12:01:40"), List.of(end.at("Response.PushLogs.1.Status"),
        end.at("Response.PushLogs.1.Percent"), end.at("Response.PushLogs.1.UpdateTime")));
    assertEquals("https://www.test.com/broken/b.js", end.at("Response.PushLogs.0.Url"));
    assertEquals("fail", end.at("Response.PushLogs.0.Status"));
    assertEquals("2026-11-27 12:01:40", later.at("Response.PushLogs.1.UpdateTime"));
  }

  @Test
  void describePushTasksFiltersAndPagesAndNeverListsPurges() {
    // given
    push(many("www.test.com", 3));
    clock.advance(Duration.ofSeconds(100));
    String globalTask = (String) push(many("g.test.com", 1), "Area", "global").at("Response.TaskId");
    wire.v3("PurgeUrlsCache", Wire.jsonOf(Map.of("Urls", many("www.test.com", 1))), ID, KEY);
    String window = "2026-11-27 00:00:00";
    // when
    Wire.Reply all = tasks("StartTime", window, "EndTime", "2026-11-27 23:59:59", "Offset", 1, "Limit", 2);
    Wire.Reply done = tasks("StartTime", window, "EndTime", "2026-11-27 23:59:59", "Status", "done");
    Wire.Reply byHost = tasks("StartTime", window, "EndTime", "2026-11-27 23:59:59", "Keyword", "g.test.com");
    Wire.Reply overseas = tasks("StartTime", window, "EndTime", "2026-11-27 23:59:59", "Area", "overseas");
    Wire.Reply neither = tasks("Keyword", "www.test.com");
    Wire.Reply purges = wire.v3("DescribePurgeTasks", Wire.jsonOf(Map.of("StartTime", window, "EndTime", "2026-11-27 23:59:59")), ID, KEY);
    // then
    assertEquals(4, all.at("Response.TotalCount"));
    assertEquals(2, ((List<?>) all.at("Response.PushLogs")).size());
    assertEquals("https://www.test.com/2.js", all.at("Response.PushLogs.0.Url"));
    assertEquals(3, done.at("Response.TotalCount"));
    assertEquals(globalTask, byHost.at("Response.PushLogs.0.TaskId"));
    assertEquals("global", overseas.at("Response.PushLogs.0.Area"));
    assertEquals(1, overseas.at("Response.TotalCount"));
    assertEquals("InvalidParameter.CdnParamError", neither.at("Response.Error.Code"));
    assertEquals(1, purges.at("Response.TotalCount"));
  }

  @Test
  void theOptionalFieldsAreAcceptedWithinTheirDocumentedLimits() {
    // given
    Map<String, Object> header = Map.of("Name", "X-Warm", "Value", "1");
    List<Map<String, Object>> twentyOne = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      twentyOne.add(header);
    }
    // when
    Wire.Reply everything = push(many("www.test.com", 1), "UserAgent", "Warmer/1.0", "Area", "mainland", "Layer",
        "middle", "ParseM3U8", true, "DisableRange", false, "Headers", List.of(header), "UrlEncode", true);
    Wire.Reply edge = push(many("www.test.com", 1), "Layer", "edge");
    Wire.Reply tooManyHeaders = push(many("www.test.com", 1), "Headers", twentyOne);
    Wire.Reply longName = push(many("www.test.com", 1), "Headers", List.of(Map.of("Name", "X".repeat(129), "Value", "")));
    Wire.Reply typo = push(many("www.test.com", 1), "Headers", List.of(Map.of("Nmae", "X-Warm")));
    Wire.Reply purgeOnly = push(many("www.test.com", 1), "FlushType", "flush");
    // then
    assertNotNull(everything.at("Response.TaskId"), everything.body());
    assertNull(everything.at("Response.Error"));
    for (Wire.Reply r : List.of(edge, tooManyHeaders, longName)) {
      assertEquals("InvalidParameter.CdnParamError", r.at("Response.Error.Code"), r.body());
    }
    assertEquals("The parameter `Headers.0.Nmae` is not recognized.", typo.at("Response.Error.Message"));
    assertEquals("UnknownParameter", purgeOnly.at("Response.Error.Code"));
    assertEquals(999, available("mainland"));
  }

  @Test
  void theBuilderRefusesANegativeQuotaOrANonPositiveBatch() {
    // then
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().dailyPrefetchQuota(-1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Emulator.builder().prefetchQuota(Region.OVERSEAS, 10, 0));
    assertEquals("prefetch batch size must be positive: 0", e.getMessage());
  }

  @Test
  void aZeroDailyQuotaRefusesEveryPrefetch() {
    // given
    emu.close();
    start(configure(Emulator.builder()).dailyPrefetchQuota(0));
    // when
    Wire.Reply refused = push(many("www.test.com", 1));
    // then
    assertEquals("LimitExceeded.CdnPushExceedDayLimit", refused.at("Response.Error.Code"));
    assertEquals(0, available("overseas"));
  }
}
