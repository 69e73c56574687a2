package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Directories through the API generations {@link CdnApis#of} picks, sent by the real
 * Transport: RefreshCdnDir with dirs.N and type, PurgePathCache with Paths and FlushType, and the refusals
 * that say the daily quota is spent.
 */
class DirsTest {
  private static final String ID = "AKIDdirsEXAMPLE00000001";
  private static final String KEY = "dirsSecretKeyEXAMPLE";
  private static final List<String> DIRS = List.of("https://www.test.com/img/", "https://www.test.com/css/");

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeTime time = new FakeTime("2026-11-27T04:00:00Z");
  private Emulator emu;

  @BeforeEach
  void start() {
    emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(time).dailyDirQuota(3).dailyUrlQuota(3).start();
  }

  @AfterEach
  void stop() {
    emu.close();
  }

  private Settings settings(Api api, Consumer<Settings> more) {
    return new Settings().with(s -> {
      s.api = api;
      s.endpoint = api == Api.V3 ? emu.endpointV3() : emu.endpoint();
      s.credentials = new Credentials(ID, KEY);
      s.directories = true;
      s.clock = time;
      s.sleeper = time::sleep;
      s.ticker = time::nanos;
      s.jitter = () -> 1.0;
    }).with(more);
  }

  private static Task send(Settings settings, List<String> dirs) throws Exception {
    CdnApi api = CdnApis.of(settings).signedBy(settings.credentials);
    return Transport.forQuestions(settings, settings.client(), Duration.ofMillis(50))
        .ask(api.purgeOf(dirs), 1, retry -> { });
  }

  private static Refusal refusal(Settings settings, List<String> dirs) {
    return assertThrows(Refusal.class, () -> send(settings, dirs));
  }

  private Map<String, String> lastParams() {
    List<RecordedRequest> requests = emu.requests();
    return requests.get(requests.size() - 1).params();
  }

  @Test
  void legacyDirsGoAsRefreshCdnDirWithDirsNAndTypeOne() throws Exception {
    // when
    Task task = send(settings(Api.V2, s -> { }), DIRS);
    // then
    RecordedRequest request = emu.requests().get(0);
    assertEquals("RefreshCdnDir", request.action());
    assertTrue(request.accepted(), request.toString());
    assertEquals(DIRS.get(0), request.params().get("dirs.0"));
    assertEquals(DIRS.get(1), request.params().get("dirs.1"));
    assertEquals("1", request.params().get("type"));
    assertFalse(request.params().containsKey("urls.0"));
    // The documented answer has no task_id.
    assertEquals("", task.taskId());
    assertEquals(2, task.count());
    assertEquals(DIRS, task.urls());
  }

  @Test
  void legacyFlushAllSendsTypeTwo() throws Exception {
    // when
    send(settings(Api.V2, s -> s.flushAll = true), DIRS);
    // then
    assertEquals("2", lastParams().get("type"));
  }

  @Test
  void aLegacyDirTaskIdIsKeptWhenOneComesBack() throws Exception {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(
        "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"task_id\":\"1480069888795584532\"}}")));
    // when
    Task task = send(settings(Api.V2, s -> s.endpoint = java.net.URI.create(server.url("/v2/index.php"))), DIRS);
    // then
    assertEquals("1480069888795584532", task.taskId());
    assertEquals(2, task.count());
  }

  @Test
  void v3DirsGoAsPurgePathCacheWithPathsAndFlushTypeFlush() throws Exception {
    // when
    Task task = send(settings(Api.V3, s -> s.area = Area.MAINLAND), DIRS);
    // then
    RecordedRequest request = emu.requests().get(0);
    assertEquals("PurgePathCache", request.action());
    assertEquals(Map.of("Paths.0", DIRS.get(0), "Paths.1", DIRS.get(1), "FlushType", "flush", "Area", "mainland"),
        request.params());
    assertEquals(request.taskId().orElseThrow(), task.taskId());
    assertEquals(2, task.count());
  }

  @Test
  void v3FlushAllSendsFlushTypeDeleteAndUrlEncode() throws Exception {
    // when
    send(settings(Api.V3, s -> {
      s.flushAll = true;
      s.urlEncode = true;
    }), DIRS);
    // then
    assertEquals(Map.of("Paths.0", DIRS.get(0), "Paths.1", DIRS.get(1), "FlushType", "delete", "UrlEncode", "true"),
        lastParams());
  }

  @Test
  void theBackendsForUrlsStillSendUrlActions() throws Exception {
    // when
    send(settings(Api.V2, s -> s.directories = false), List.of("https://www.test.com/1.jpg"));
    send(settings(Api.V3, s -> s.directories = false), List.of("https://www.test.com/2.jpg"));
    // then
    assertEquals("RefreshCdnUrl", emu.requests().get(0).action());
    assertEquals("PurgeUrlsCache", emu.requests().get(1).action());
  }

  @Test
  void legacyDailyDirQuotaRefusalIsMarkedAsTheDailyQuota() throws Exception {
    // given
    send(settings(Api.V2, s -> { }), DIRS);
    // when
    Refusal answer = refusal(settings(Api.V2, s -> { }), DIRS);
    // then
    assertEquals("22046", answer.codeDesc);
    assertTrue(answer.dailyQuota);
    assertFalse(answer.busy);
  }

  @Test
  void legacyDailyUrlQuotaRefusalIsMarkedAsTheDailyQuota() throws Exception {
    // given
    Settings urls = settings(Api.V2, s -> s.directories = false);
    send(urls, List.of("https://www.test.com/1", "https://www.test.com/2", "https://www.test.com/3"));
    // when
    Refusal answer = refusal(urls, List.of("https://www.test.com/4"));
    // then
    assertEquals("4000", answer.code);
    assertTrue(answer.message.startsWith("(22044)"), answer.message);
    assertTrue(answer.dailyQuota);
  }

  @Test
  void v3DailyPathQuotaRefusalIsMarkedAsTheDailyQuota() throws Exception {
    // given
    send(settings(Api.V3, s -> { }), DIRS);
    // when
    Refusal answer = refusal(settings(Api.V3, s -> { }), DIRS);
    // then
    assertEquals("LimitExceeded.CdnPurgePathExceedDayLimit", answer.code);
    assertTrue(answer.dailyQuota);
    assertFalse(answer.requestId.isEmpty());
  }

  @Test
  void otherRefusalsAreNotTheDailyQuota() {
    // when
    Refusal legacy = refusal(settings(Api.V2, s -> { }), List.of("https://other.test.com/x/"));
    Refusal v3 = refusal(settings(Api.V3, s -> { }), List.of("https://other.test.com/x/"));
    // then
    assertEquals("9110", legacy.codeDesc);
    assertFalse(legacy.dailyQuota);
    assertEquals("ResourceNotFound.CdnHostNotExists", v3.code);
    assertFalse(v3.dailyQuota);
  }

  @Test
  void theDryRunPreviewNamesTheDirectoryActionAndRedactsTheSignature() {
    // when
    EncodedRequest v3 = CdnApis.of(settings(Api.V3, s -> s.flushAll = true)).signedBy(new Credentials(ID, KEY))
        .purge(DIRS, 1_795_000_000L, 1);
    EncodedRequest v2 = CdnApis.of(settings(Api.V2, s -> { })).signedBy(new Credentials(ID, KEY)).purge(DIRS, 1_795_000_000L, 1);
    // then
    assertTrue(v3.preview.startsWith("X-TC-Action: PurgePathCache, Paths: [" + DIRS.get(0) + ", … 1 more], FlushType: delete"),
        v3.preview);
    assertTrue(v3.preview.endsWith("Signature=<redacted>"), v3.preview);
    assertTrue(v2.preview.contains("Action=RefreshCdnDir&") && v2.preview.contains("type=1&"), v2.preview);
    assertFalse(v2.preview.contains(KEY) || v3.preview.contains(KEY));
  }
}
