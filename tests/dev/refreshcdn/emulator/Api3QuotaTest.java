package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.refreshcdn.emulator.Emulator.Region;
import dev.refreshcdn.emulator.Emulator.DomainStatus;

/** Quotas and batch sizes set per area with the builder: what DescribePurgeQuota reports is what is enforced. */
class Api3QuotaTest extends EmulatorFixture {
  /** Each test starts its own emulator: the quotas are what it is about. */
  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return null;
  }

  private void startWith(Emulator.Builder builder) {
    start(builder.account(Tenant.of(ID, KEY)
        .domain("www.test.com")
        .domain("o.test.com", DomainStatus.ONLINE, false, Region.OVERSEAS)
        .domain("g.test.com", DomainStatus.ONLINE, false, Region.GLOBAL)));
  }

  private static List<String> many(String prefix, int n) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(prefix + i + "/");
    }
    return items;
  }

  private Wire.Reply purge(String host, int n, String area) {
    Map<String, Object> body = area == null ? Map.of("Urls", many("https://" + host + "/", n))
        : Map.of("Urls", many("https://" + host + "/", n), "Area", area);
    return wire.v3("PurgeUrlsCache", Wire.jsonOf(body), ID, KEY);
  }

  private Wire.Reply purgePaths(int n) {
    return wire.v3("PurgePathCache", Wire.jsonOf(Map.of("Paths", many("https://www.test.com/d", n), "FlushType", "flush")), ID, KEY);
  }

  @Test
  void anExhaustedOverseasQuotaDoesNotStopAMainlandDomain() {
    // given
    startWith(Emulator.builder().urlQuota(Region.OVERSEAS, 0, 1000).urlQuota(Region.MAINLAND, 10_000, 1000));
    // when
    Wire.Reply mainland = purge("www.test.com", 1000, null);
    Wire.Reply overseas = purge("o.test.com", 1, null);
    Wire.Reply quota = wire.v3("DescribePurgeQuota", "{}", ID, KEY);
    // then
    assertNotNull(mainland.at("Response.TaskId"), mainland.body());
    assertEquals("LimitExceeded.CdnPurgeUrlExceedDayLimit", overseas.at("Response.Error.Code"));
    assertEquals("The daily URL purge quota of 0 for area overseas is used up.", overseas.at("Response.Error.Message"));
    assertEquals(Map.of("Area", "mainland", "Batch", 1000, "Total", 10_000, "Available", 9_000), quota.at("Response.UrlPurge.0"));
    assertEquals(Map.of("Area", "overseas", "Batch", 1000, "Total", 0, "Available", 0), quota.at("Response.UrlPurge.1"));
  }

  @Test
  void theBatchSizesDescribePurgeQuotaReportsAreTheOnesEnforced() {
    // given
    startWith(Emulator.builder().urlQuota(Region.GLOBAL, 10_000, 400).dirQuota(Region.GLOBAL, 100, 39));
    // when
    Wire.Reply quota = wire.v3("DescribePurgeQuota", "{}", ID, KEY);
    Wire.Reply fourHundred = purge("www.test.com", 400, null);
    Wire.Reply fourHundredOne = purge("www.test.com", 401, null);
    Wire.Reply thirtyNine = purgePaths(39);
    Wire.Reply forty = purgePaths(40);
    // then
    for (String path : List.of("Response.UrlPurge.0.Batch", "Response.UrlPurge.1.Batch")) {
      assertEquals(400, quota.at(path));
    }
    for (String path : List.of("Response.PathPurge.0.Batch", "Response.PathPurge.1.Batch")) {
      assertEquals(39, quota.at(path));
    }
    assertNotNull(fourHundred.at("Response.TaskId"), fourHundred.body());
    assertEquals("LimitExceeded.CdnPurgeUrlExceedBatchLimit", fourHundredOne.at("Response.Error.Code"));
    assertNotNull(thirtyNine.at("Response.TaskId"), thirtyNine.body());
    assertEquals("LimitExceeded.CdnPurgePathExceedBatchLimit", forty.at("Response.Error.Code"));
    assertEquals(439, emu.requests().stream().mapToInt(r -> r.urls().size()).sum());
  }

  @Test
  void eachAreaHasItsOwnBatchSizeAndAGlobalDomainWithoutAreaGetsTheSmaller() {
    // given
    startWith(Emulator.builder().urlQuota(Region.MAINLAND, 10_000, 400).urlQuota(Region.OVERSEAS, 10_000, 1000));
    // when
    Wire.Reply overseas = purge("o.test.com", 1000, null);
    Wire.Reply globalBoth = purge("g.test.com", 401, null);
    Wire.Reply globalOverseas = purge("g.test.com", 1000, "overseas");
    Wire.Reply globalMainland = purge("g.test.com", 401, "mainland");
    // then
    assertNotNull(overseas.at("Response.TaskId"), overseas.body());
    assertEquals("LimitExceeded.CdnPurgeUrlExceedBatchLimit", globalBoth.at("Response.Error.Code"));
    assertNotNull(globalOverseas.at("Response.TaskId"), globalOverseas.body());
    assertEquals("LimitExceeded.CdnPurgeUrlExceedBatchLimit", globalMainland.at("Response.Error.Code"));
  }

  @Test
  void aGlobalDomainWithoutAreaIsChargedToBothAreasAndWithAnAreaToThatOne() {
    // given
    startWith(Emulator.builder().urlQuota(Region.OVERSEAS, 0, 1000));
    // when
    Wire.Reply both = purge("g.test.com", 1, null);
    Wire.Reply mainland = purge("g.test.com", 1, "mainland");
    Wire.Reply quota = wire.v3("DescribePurgeQuota", "{}", ID, KEY);
    // then
    assertEquals("LimitExceeded.CdnPurgeUrlExceedDayLimit", both.at("Response.Error.Code"));
    assertNotNull(mainland.at("Response.TaskId"), mainland.body());
    assertEquals(9_999, quota.at("Response.UrlPurge.0.Available"));
  }

  @Test
  void theLegacyApiKeepsItsDocumentedTwentyDirectoriesARequest() {
    // given
    startWith(Emulator.builder().dirQuota(Region.GLOBAL, 100, 39));
    Map<String, String> p = wire.common("RefreshCdnDir", ID);
    List<String> dirs = many("http://www.test.com/d", 21);
    for (int i = 0; i < dirs.size(); i++) {
      p.put("dirs." + i, dirs.get(i));
    }
    // when
    Wire.Reply r = wire.postForm(p, KEY);
    // then
    assertEquals("(22045)单次提交的目录数量超过限制 too many dirs in one request: 21 > 20", r.at("message"));
  }

  @Test
  void theBuilderRefusesANegativeQuotaAZeroBatchAndNoAreaNamingTheValue() {
    // when
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> Emulator.builder().urlQuota(Region.MAINLAND, -1, 400));
    IllegalArgumentException zeroBatch = assertThrows(IllegalArgumentException.class,
        () -> Emulator.builder().dirQuota(Region.OVERSEAS, 100, 0));
    // then
    assertEquals("daily URL quota must not be negative: -1", negative.getMessage());
    assertEquals("directory batch size must be positive: 0", zeroBatch.getMessage());
    assertThrows(NullPointerException.class, () -> Emulator.builder().urlQuota(null, 1, 1));
  }

  @Test
  void theOneNumberSettersChangeTheDailyQuotaOfBothAreasAndKeepEachBatch() {
    // given
    startWith(Emulator.builder().urlQuota(Region.OVERSEAS, 5, 300).dailyUrlQuota(7).dailyDirQuota(3));
    // when
    Wire.Reply quota = wire.v3("DescribePurgeQuota", "{}", ID, KEY);
    // then
    assertEquals(Map.of("Area", "mainland", "Batch", 1000, "Total", 7, "Available", 7), quota.at("Response.UrlPurge.0"));
    assertEquals(Map.of("Area", "overseas", "Batch", 300, "Total", 7, "Available", 7), quota.at("Response.UrlPurge.1"));
    assertEquals(Map.of("Area", "overseas", "Batch", 20, "Total", 3, "Available", 3), quota.at("Response.PathPurge.1"));
  }
}
