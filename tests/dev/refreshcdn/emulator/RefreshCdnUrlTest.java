package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** API 2.0 RefreshCdnUrl: numbering, batch size, URL and domain rules, daily quota (reference 1.4, 3.2). */
class RefreshCdnUrlTest extends EmulatorFixture {
  private static final String ID2 = "AKID2";
  private static final String KEY2 = "key2";

  /** 15:59:00 UTC is 23:59:00 in Beijing: one minute before the quota day ends. */
  RefreshCdnUrlTest() {
    super("2026-11-27T15:59:00Z");
  }

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder
        .account(ID, KEY, "www.test.com", "img.test.com")
        .account(Tenant.of(ID2, KEY2)
            .domain("a.test.com", Emulator.DomainStatus.ONLINE, true)
            .domain("b.test.com", Emulator.DomainStatus.OFFLINE, false)
            .domain("c.test.com", Emulator.DomainStatus.DEPLOYING, false));
  }

  private static List<String> urls(int n) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urls.add("http://www.test.com/" + i + ".jpg");
    }
    return urls;
  }

  @Test
  void answersCountAndA19DigitTaskIdString() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg", "https://img.test.com/2.jpg")), KEY);
    // then
    assertEquals(0, r.at("code"));
    assertEquals("", r.at("message"));
    assertEquals("Success", r.at("codeDesc"));
    assertEquals(2, r.at("data.count"));
    assertTrue(((String) r.at("data.task_id")).matches("[1-9][0-9]{18}"), r.body());
    assertEquals(r.at("data.task_id"), emu.requests().get(0).taskId().orElseThrow());
  }

  @Test
  void refusesUrlsNumberedWithAGapWith4000() {
    // given
    Map<String, String> p = wire.refresh(ID, List.of("http://www.test.com/0.jpg"));
    p.put("urls.2", "http://www.test.com/2.jpg");
    // when
    Wire.Reply r = wire.postForm(p, KEY);
    // then
    assertEquals(4000, r.at("code"));
    assertTrue(((String) r.at("message")).contains("urls.1"), r.body());
  }

  @Test
  void refusesAnEmptyUrlListWith4000() {
    // when
    Wire.Reply r = wire.postForm(wire.common("RefreshCdnUrl", ID), KEY);
    // then
    assertEquals(4000, r.at("code"));
  }

  @Test
  void accepts1000UrlsAndRefuses1001WithModuleCode22043() {
    // when
    Wire.Reply thousand = wire.postForm(wire.refresh(ID, urls(1000)), KEY);
    Wire.Reply tooMany = wire.postForm(wire.refresh(ID, urls(1001)), KEY);
    // then
    assertEquals(1000, thousand.at("data.count"));
    assertEquals(4000, tooMany.at("code"));
    assertEquals("22043", tooMany.at("codeDesc"));
    assertTrue(((String) tooMany.at("message")).startsWith("(22043)"), tooMany.body());
  }

  @Test
  void refusesAUrlWithoutHttpSchemeWith4000() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg", "www.test.com/2.jpg")), KEY);
    Wire.Reply ftp = wire.postForm(wire.refresh(ID, List.of("ftp://www.test.com/1.jpg")), KEY);
    // then
    assertEquals(4000, r.at("code"));
    assertEquals(4000, ftp.at("code"));
    assertEquals(List.of(), emu.requests().get(0).urls());
  }

  @Test
  void refusesADomainOfAnotherAccountWithTheDocumented9110Answer() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, List.of("http://a.test.com/1.jpg")), KEY);
    // then
    assertEquals(Map.of("code", 4000, "message", "(9110)没有这个域名的信息 cdn no such host", "codeDesc", "9110"), r.json());
  }

  @Test
  void refusesAnOfflineDomainAndAcceptsADeployingOne() {
    // when
    Wire.Reply offline = wire.postForm(wire.refresh(ID2, List.of("http://b.test.com/1.jpg")), KEY2);
    Wire.Reply deploying = wire.postForm(wire.refresh(ID2, List.of("http://c.test.com/1.jpg")), KEY2);
    // then
    assertEquals(4000, offline.at("code"));
    assertEquals("28008", offline.at("codeDesc"));
    assertEquals(0, deploying.at("code"));
  }

  @Test
  void recordsUrlsOfAQueryFilteringDomainWithoutTheirQuery() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID2, List.of("http://a.test.com/index.php?name=1", "http://c.test.com/p?x=1")), KEY2);
    // then
    assertEquals(2, r.at("data.count"));
    assertEquals(List.of("http://a.test.com/index.php", "http://c.test.com/p?x=1"), emu.requests().get(0).urls());
  }

  @Test
  void refusesThe10001stUrlOfTheBeijingDayWith22044AndRecordsNothing() {
    // given
    for (int i = 0; i < 10; i++) {
      assertEquals(0, wire.postForm(wire.refresh(ID, urls(1000)), KEY).at("code"));
    }
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, urls(1)), KEY);
    // then
    assertEquals(4000, r.at("code"));
    assertEquals("22044", r.at("codeDesc"));
    assertTrue(emu.requests().get(10).taskId().isEmpty());
    assertEquals(List.of(), emu.requests().get(10).urls());
  }

  @Test
  void refusesARequestThatWouldCrossTheDailyQuotaAsAWhole() {
    // given
    for (int i = 0; i < 9; i++) {
      wire.postForm(wire.refresh(ID, urls(1000)), KEY);
    }
    wire.postForm(wire.refresh(ID, urls(999)), KEY);
    // when
    Wire.Reply two = wire.postForm(wire.refresh(ID, urls(2)), KEY);
    Wire.Reply one = wire.postForm(wire.refresh(ID, urls(1)), KEY);
    // then
    assertEquals("22044", two.at("codeDesc"));
    assertEquals(1, one.at("data.count"));
  }

  @Test
  void theQuotaIsPerAccountAndResetsAtMidnightBeijingTime() {
    // given
    Emulator small = Emulator.builder().account(ID, KEY, "www.test.com").account(ID2, KEY2, "a.test.com")
        .clock(clock).dailyUrlQuota(2).start();
    Wire w = new Wire(small, clock);
    try {
      w.postForm(w.refresh(ID, urls(2)), KEY);
      // when
      Wire.Reply sameDay = w.postForm(w.refresh(ID, urls(1)), KEY);
      Wire.Reply otherAccount = w.postForm(w.refresh(ID2, List.of("http://a.test.com/x")), KEY2);
      clock.advance(Duration.ofSeconds(59));
      Wire.Reply lastSecond = w.postForm(w.refresh(ID, urls(1)), KEY);
      clock.advance(Duration.ofSeconds(1));
      Wire.Reply nextDay = w.postForm(w.refresh(ID, urls(2)), KEY);
      // then
      assertEquals("22044", sameDay.at("codeDesc"));
      assertEquals(0, otherAccount.at("code"));
      assertEquals("22044", lastSecond.at("codeDesc"));
      assertEquals(0, nextDay.at("code"), "16:00 UTC is midnight in Beijing");
    } finally {
      small.close();
    }
  }
}
