package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** API 2.0 RefreshCdnDir and GetCdnRefreshLog (reference 1.5, 1.6). */
class LegacyDirAndLogTest extends EmulatorFixture {
  /** 04:00:00 UTC is 12:00:00 in Beijing. */

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.account(ID, KEY, "www.test.com", "img.test.com")
        .taskCompletion(Duration.ofSeconds(5));
  }

  private Map<String, String> dirs(int n, String type) {
    Map<String, String> p = wire.common("RefreshCdnDir", ID);
    for (int i = 0; i < n; i++) {
      p.put("dirs." + i, "http://www.test.com/d" + i + "/");
    }
    if (type != null) {
      p.put("type", type);
    }
    return p;
  }

  @Test
  void refreshCdnDirAnswersTheDocumentedSuccessWithoutData() {
    // when
    Wire.Reply r = wire.postForm(dirs(1, null), KEY);
    // then
    assertEquals(Map.of("code", 0, "message", "", "codeDesc", "Success"), r.json());
    assertEquals(List.of("http://www.test.com/d0/"), emu.requests().get(0).urls());
  }

  @Test
  void refreshCdnDirAcceptsType1And2AndRefusesOtherTypesWith4000() {
    // when / then
    assertEquals(0, wire.postForm(dirs(1, "1"), KEY).at("code"));
    assertEquals(0, wire.postForm(dirs(1, "2"), KEY).at("code"));
    assertEquals(4000, wire.postForm(dirs(1, "3"), KEY).at("code"));
  }

  @Test
  void refreshCdnDirAccepts20PerRequestAndRefuses21With22045() {
    // when
    Wire.Reply twenty = wire.postForm(dirs(20, null), KEY);
    Wire.Reply tooMany = wire.postForm(dirs(21, null), KEY);
    // then
    assertEquals(0, twenty.at("code"));
    assertEquals("22045", tooMany.at("codeDesc"));
  }

  @Test
  void refreshCdnDirRefusesThe101stDirectoryOfTheDayWith22046() {
    // given
    for (int i = 0; i < 5; i++) {
      assertEquals(0, wire.postForm(dirs(20, null), KEY).at("code"));
    }
    // when
    Wire.Reply r = wire.postForm(dirs(1, null), KEY);
    // then
    assertEquals(4000, r.at("code"));
    assertEquals("22046", r.at("codeDesc"));
  }

  @Test
  void refreshCdnDirChecksDomainsLikeRefreshCdnUrl() {
    // given
    Map<String, String> p = dirs(1, null);
    p.put("dirs.0", "http://other.test.com/x/");
    // when
    Wire.Reply r = wire.postForm(p, KEY);
    // then
    assertEquals("9110", r.at("codeDesc"));
  }

  @Test
  void aTaskIsInProgressUntilTheCompletionTimeHasPassedOnTheClock() {
    // given
    String taskId = (String) wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY).at("data.task_id");
    Map<String, String> query = wire.common("GetCdnRefreshLog", ID);
    query.put("taskId", taskId);
    // when
    Wire.Reply running = wire.postForm(query, KEY);
    clock.advance(Duration.ofSeconds(4));
    Wire.Reply stillRunning = wire.postForm(withFreshNonce(query), KEY);
    clock.advance(Duration.ofSeconds(1));
    Wire.Reply done = wire.postForm(withFreshNonce(query), KEY);
    // then
    assertEquals(1, running.at("data.total"));
    assertEquals(0, running.at("data.logs.0.status"));
    assertEquals(0, stillRunning.at("data.logs.0.status"));
    assertEquals(1, done.at("data.logs.0.status"));
  }

  private Map<String, String> withFreshNonce(Map<String, String> p) {
    Map<String, String> fresh = wire.common((String) p.get("Action"), p.get("SecretId"));
    p.forEach((k, v) -> {
      if (!fresh.containsKey(k)) {
        fresh.put(k, v);
      }
    });
    return fresh;
  }

  @Test
  void logRecordsCarryTheDocumentedFieldsOneRecordPerDomain() {
    // given
    wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg", "http://img.test.com/2.jpg", "http://www.test.com/3.jpg")), KEY);
    Map<String, String> query = wire.common("GetCdnRefreshLog", ID);
    query.put("startDate", "2026-11-27 11:59:59");
    query.put("endDate", "2026-11-27 12:00:00");
    // when
    Wire.Reply r = wire.get(query, KEY);
    // then
    assertEquals(0, r.at("code"), r.body());
    assertEquals(2, r.at("data.total"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> logs = (List<Map<String, Object>>) r.at("data.logs");
    Map<String, Object> www = logs.stream().filter(l -> "www.test.com".equals(l.get("host"))).findFirst().orElseThrow();
    assertEquals(List.of("http://www.test.com/1.jpg", "http://www.test.com/3.jpg"), www.get("url_list"));
    assertEquals(0, www.get("type"));
    assertEquals(0, www.get("project_id"));
    assertEquals("2026-11-27 12:00:00", www.get("datetime"));
    assertTrue(www.get("id") instanceof Number && www.get("app_id") instanceof Number);
  }

  @Test
  void logByDatesOutsideTheWindowIsEmptyAndDirectoryRecordsHaveType1() {
    // given
    wire.postForm(dirs(1, "2"), KEY);
    Map<String, String> before = wire.common("GetCdnRefreshLog", ID);
    before.put("startDate", "2026-11-27 00:00:00");
    before.put("endDate", "2026-11-27 11:59:59");
    Map<String, String> around = wire.common("GetCdnRefreshLog", ID);
    around.put("startDate", "2026-11-27 00:00:00");
    around.put("endDate", "2026-11-27 23:59:59");
    // when
    Wire.Reply none = wire.postForm(before, KEY);
    Wire.Reply one = wire.postForm(around, KEY);
    // then
    assertEquals(0, none.at("data.total"));
    assertEquals(1, one.at("data.total"));
    assertEquals(1, one.at("data.logs.0.type"));
  }

  @Test
  void logWithoutTaskIdOrDatesIsRefusedWith4000AndABadDateWith9150() {
    // given
    Map<String, String> bad = wire.common("GetCdnRefreshLog", ID);
    bad.put("startDate", "20261127");
    bad.put("endDate", "20261128");
    // when
    Wire.Reply neither = wire.postForm(wire.common("GetCdnRefreshLog", ID), KEY);
    Wire.Reply badDate = wire.postForm(bad, KEY);
    // then
    assertEquals(4000, neither.at("code"));
    assertEquals(4000, badDate.at("code"));
    assertEquals("9150", badDate.at("codeDesc"));
  }

  @Test
  void logByTaskIdAndDatesThatDoNotContainTheTaskIsRefusedAsAnInvalidDate() {
    // given
    String taskId = (String) wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY).at("data.task_id");
    Map<String, String> inside = wire.common("GetCdnRefreshLog", ID);
    inside.put("taskId", taskId);
    inside.put("startDate", "2026-11-27 11:00:00");
    inside.put("endDate", "2026-11-27 13:00:00");
    Map<String, String> outside = wire.common("GetCdnRefreshLog", ID);
    outside.put("taskId", taskId);
    outside.put("startDate", "2026-11-26 11:00:00");
    outside.put("endDate", "2026-11-26 13:00:00");
    // when
    Wire.Reply ok = wire.postForm(inside, KEY);
    Wire.Reply refused = wire.postForm(outside, KEY);
    // then
    assertEquals(1, ok.at("data.total"));
    assertEquals(4000, refused.at("code"));
    assertEquals("9150", refused.at("codeDesc"));
  }

  @Test
  void logFiltersByHostAndUrl() {
    // given
    wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg", "http://img.test.com/2.jpg")), KEY);
    Map<String, String> byHost = wire.common("GetCdnRefreshLog", ID);
    byHost.put("startDate", "2026-11-27 00:00:00");
    byHost.put("endDate", "2026-11-27 23:59:59");
    byHost.put("host", "img.test.com");
    Map<String, String> byUrl = withFreshNonce(byHost);
    byUrl.remove("host");
    byUrl.put("url", "http://www.test.com/1.jpg");
    // when
    Wire.Reply host = wire.postForm(byHost, KEY);
    Wire.Reply url = wire.postForm(byUrl, KEY);
    // then
    assertEquals(1, host.at("data.total"));
    assertEquals("img.test.com", host.at("data.logs.0.host"));
    assertEquals(1, url.at("data.total"));
    assertEquals("www.test.com", url.at("data.logs.0.host"));
  }

  @Test
  void logShowsOnlyTheCallersOwnTasks() {
    // given
    Emulator two = Emulator.builder().account(ID, KEY, "www.test.com").account("AKIDother", "k", "x.test.com").clock(clock).start();
    Wire w = new Wire(two, clock);
    try {
      w.postForm(w.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
      Map<String, String> q = w.common("GetCdnRefreshLog", "AKIDother");
      q.put("startDate", "2026-11-27 00:00:00");
      q.put("endDate", "2026-11-27 23:59:59");
      // when
      Wire.Reply r = w.postForm(q, "k");
      // then
      assertEquals(0, r.at("data.total"));
      assertEquals(new ArrayList<>(), r.at("data.logs"));
    } finally {
      two.close();
    }
  }
}
